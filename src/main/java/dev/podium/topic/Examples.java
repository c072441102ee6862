package dev.podium.topic;

/** Example bodies for the OpenAPI document. */
final class Examples {

  private Examples() {}

  static final String PAGE =
      """
      {"items":[{"slug":"chaos-engineering","name":"Chaos Engineering",
        "excerpt":"Injecting failure on purpose to learn how a system really behaves.",
        "parent":{"slug":"resiliency","name":"Resiliency"}}],
       "page":{"limit":20,"next":null,"total":1}}
      """;

  static final String DETAIL =
      """
      {"slug":"resiliency","name":"Resiliency",
       "description":"Designing, testing and operating systems that keep serving users when parts of them fail.",
       "parent":null,
       "children":[{"slug":"chaos-engineering","name":"Chaos Engineering"},
                   {"slug":"migrations","name":"Production Migrations"}],
       "counts":{"talks":4,"interviews":2}}
      """;

  static final String INPUT =
      """
      {"slug":"chaos-engineering","name":"Chaos Engineering","parent":"resiliency",
       "description":"Injecting failure on purpose to learn how a system really behaves."}
      """;

  static final String OVERVIEW =
      """
      {"topic":{"slug":"resiliency","name":"Resiliency","description":"Designing, testing and operating systems that keep serving users when parts of them fail.",
         "parent":null,"children":[{"slug":"chaos-engineering","name":"Chaos Engineering"}],"counts":{"talks":4,"interviews":2}},
       "conference":{"slug":"qcon-sf-2019","name":"QCon San Francisco 2019","startDate":"2019-11-11"},
       "presentations":[{"slug":"monitoring-tracing-netflix-streaming-data-infrastructure",
         "title":"Monitoring and Tracing @Netflix Streaming Data Infrastructure",
         "excerpt":"The streaming data platform at Netflix carries trillions of events a day…",
         "type":"talk","levels":[],"status":"past","startsAt":null,"durationMinutes":null,"room":null,
         "conference":{"slug":"qcon-sf-2019","name":"QCon San Francisco 2019","startDate":"2019-11-11"},"track":null,
         "speakers":[{"slug":"allen-wang","name":"Allen Wang","headline":"Architect and engineer, Real Time Data Infrastructure team","company":"Netflix","photoUrl":null}],
         "topics":[{"slug":"resiliency","name":"Resiliency"}],"hasVideo":false}],
       "pastPresentations":[],
       "interviews":[{"slug":"living-on-the-edge-track-host-interview","title":"Living on the Edge: an interview with the track host",
         "excerpt":"What are your areas of expertise? What have you been working on? Edge computing. Asked what it means…",
         "publishedOn":"2019-10-22","speaker":{"slug":"wes-reisz","name":"Wes Reisz","headline":null,"company":"Section","photoUrl":null},
         "talk":null,"topics":[{"slug":"resiliency","name":"Resiliency"}]}]}
      """;
}
