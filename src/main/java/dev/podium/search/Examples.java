package dev.podium.search;

/** Example bodies for the OpenAPI document. */
final class Examples {

  private Examples() {}

  static final String RESULT =
      """
      {"items":[{"type":"talk","slug":"designing-services-resilience-testing-netflix",
        "title":"Designing Services for Resilience Testing @Netflix","score":7.42,
        "highlights":{"title":["Designing Services for <mark>Resilience</mark> Testing @Netflix"],
                      "body":["…designed for availability, rarely for being tested for <mark>resilience</mark>."]},
        "summary":{"slug":"designing-services-resilience-testing-netflix","title":"Designing Services for Resilience Testing @Netflix",
          "excerpt":"Microservices are usually designed for availability, rarely for being tested for resilience…",
          "type":"talk","levels":["intermediate","advanced"],"status":"past","startsAt":"2017-11-13T18:35:00Z",
          "durationMinutes":50,"room":"Ballroom BC",
          "conference":{"slug":"qcon-sf-2017","name":"QCon San Francisco 2017","startDate":"2017-11-13"},
          "track":{"slug":"devops-you-build-it-you-run-it","name":"DevOps: You Build It, You Run It"},
          "speakers":[{"slug":"nora-jones","name":"Nora Jones","headline":"Senior Chaos Engineer","company":"Netflix","photoUrl":null}],
          "topics":[{"slug":"resiliency","name":"Resiliency"}],"hasVideo":false}}],
       "facets":{"type":{"talk":3,"topic":1},"topic":{"resiliency":3,"chaos-engineering":1},
                 "year":{"2017":1,"2018":2},"conference":{"qcon-sf-2017":1,"qcon-sf-2018":2}},
       "page":{"limit":20,"next":null,"total":4},"estimated":false}
      """;

  static final String SUGGESTIONS =
      """
      {"items":[{"text":"Resiliency","type":"topic","slug":"resiliency"},
                {"text":"Building Resilience in Production Migrations","type":"talk","slug":"building-resilience-production-migrations"}]}
      """;

  static final String RELATED =
      """
      {"items":[{"slug":"expedia-journey-toward-site-resiliency","title":"Expedia’s Journey Toward Site Resiliency",
        "excerpt":"In product-driven companies, features tend to win over resilience work…","type":"talk","levels":[],
        "status":"past","startsAt":"2018-11-06T19:50:00Z","durationMinutes":50,"room":"Ballroom A",
        "conference":{"slug":"qcon-sf-2018","name":"QCon San Francisco 2018","startDate":"2018-11-05"},"track":null,
        "speakers":[],"topics":[{"slug":"resiliency","name":"Resiliency"}],"hasVideo":false}]}
      """;

  static final String REINDEX =
      """
      {"documents":21,"lastChange":23}
      """;
}
