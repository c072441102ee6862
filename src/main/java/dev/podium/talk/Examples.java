package dev.podium.talk;

/** Example bodies for the OpenAPI document. */
final class Examples {

  private Examples() {}

  static final String SUMMARY =
      """
      {"slug":"designing-services-resilience-testing-netflix","title":"Designing Services for Resilience Testing @Netflix",
       "excerpt":"Microservices are usually designed for availability, rarely for being tested for resilience…",
       "type":"talk","levels":["intermediate","advanced"],"status":"past","startsAt":"2017-11-13T18:35:00Z",
       "durationMinutes":50,"room":"Ballroom BC",
       "conference":{"slug":"qcon-sf-2017","name":"QCon San Francisco 2017","startDate":"2017-11-13"},
       "track":{"slug":"devops-you-build-it-you-run-it","name":"DevOps: You Build It, You Run It"},
       "speakers":[{"slug":"nora-jones","name":"Nora Jones","headline":"Senior Chaos Engineer","company":"Netflix","photoUrl":null}],
       "topics":[{"slug":"resiliency","name":"Resiliency"},{"slug":"chaos-engineering","name":"Chaos Engineering"}],
       "hasVideo":true}
      """;

  static final String PAGE =
      "{\"items\":[" + SUMMARY + "],\"page\":{\"limit\":20,\"next\":null,\"total\":1}}";

  static final String DETAIL =
      """
      {"slug":"designing-services-resilience-testing-netflix","title":"Designing Services for Resilience Testing @Netflix",
       "abstract":"Microservices are usually designed for availability, rarely for being tested for resilience.",
       "type":"talk","levels":["intermediate","advanced"],"personas":["Architect","Developer"],
       "learningOutcomes":["Design fallbacks that are understood by their owners."],"language":"en",
       "status":"past","startsAt":"2017-11-13T18:35:00Z","durationMinutes":50,"room":"Ballroom BC",
       "videoUrl":"https://www.infoq.com/presentations/netflix-resilience-testing/","slidesUrl":null,
       "conference":{"slug":"qcon-sf-2017","name":"QCon San Francisco 2017","startDate":"2017-11-13"},
       "track":{"slug":"devops-you-build-it-you-run-it","name":"DevOps: You Build It, You Run It"},
       "speakers":[{"slug":"nora-jones","name":"Nora Jones","headline":"Senior Chaos Engineer","company":"Netflix","photoUrl":null}],
       "topics":[{"slug":"resiliency","name":"Resiliency"},{"slug":"chaos-engineering","name":"Chaos Engineering"}],
       "interviews":[]}
      """;

  static final String INPUT =
      """
      {"slug":"designing-services-resilience-testing-netflix","title":"Designing Services for Resilience Testing @Netflix",
       "abstract":"Microservices are usually designed for availability, rarely for being tested for resilience.",
       "conference":"qcon-sf-2017","track":"devops-you-build-it-you-run-it",
       "speakers":["nora-jones"],"topics":["resiliency","chaos-engineering"],
       "type":"talk","levels":["intermediate","advanced"],"personas":["Architect","Developer"],"language":"en",
       "startsAt":"2017-11-13T18:35:00Z","durationMinutes":50,"room":"Ballroom BC",
       "videoUrl":"https://www.infoq.com/presentations/netflix-resilience-testing/"}
      """;

  static final String RELATED = "{\"items\":[" + SUMMARY + "]}";
}
