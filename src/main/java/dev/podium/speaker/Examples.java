package dev.podium.speaker;

/** Example bodies for the OpenAPI document. */
final class Examples {

  private Examples() {}

  static final String PAGE =
      """
      {"items":[{"slug":"nora-jones","name":"Nora Jones","headline":"Senior Chaos Engineer","company":"Netflix","photoUrl":null}],
       "page":{"limit":20,"next":null,"total":1}}
      """;

  static final String DETAIL =
      """
      {"slug":"nora-jones","name":"Nora Jones","headline":"Senior Chaos Engineer","company":"Netflix",
       "bio":"Works on making software delivery and architecture more efficient.","photoUrl":null,"links":null,
       "talks":[{"slug":"designing-services-resilience-testing-netflix","title":"Designing Services for Resilience Testing @Netflix",
         "excerpt":"Microservices are usually designed for availability, rarely for being tested for resilience…",
         "type":"talk","levels":["intermediate","advanced"],"status":"past","startsAt":"2017-11-13T18:35:00Z",
         "durationMinutes":50,"room":"Ballroom BC",
         "conference":{"slug":"qcon-sf-2017","name":"QCon San Francisco 2017","startDate":"2017-11-13"},
         "track":{"slug":"devops-you-build-it-you-run-it","name":"DevOps: You Build It, You Run It"},
         "speakers":[{"slug":"nora-jones","name":"Nora Jones","headline":"Senior Chaos Engineer","company":"Netflix","photoUrl":null}],
         "topics":[{"slug":"resiliency","name":"Resiliency"}],"hasVideo":true}],
       "interviews":[]}
      """;

  static final String INPUT =
      """
      {"slug":"nora-jones","name":"Nora Jones","headline":"Senior Chaos Engineer","company":"Netflix",
       "bio":"Works on making software delivery and architecture more efficient.",
       "links":{"github":"norajones"}}
      """;
}
