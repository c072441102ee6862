package dev.podium.interview;

/** Example bodies for the OpenAPI document. */
final class Examples {

  private Examples() {}

  static final String PAGE =
      """
      {"items":[{"slug":"living-on-the-edge-track-host-interview","title":"Living on the Edge: an interview with the track host",
        "excerpt":"What are your areas of expertise? What have you been working on? Edge computing. Asked what it means…",
        "publishedOn":"2019-10-22",
        "speaker":{"slug":"wes-reisz","name":"Wes Reisz","headline":"QCon San Francisco chair and track host","company":"Section","photoUrl":null},
        "talk":null,"topics":[{"slug":"edge-computing","name":"Edge Computing"},{"slug":"resiliency","name":"Resiliency"}]}],
       "page":{"limit":20,"next":null,"total":1}}
      """;

  static final String DETAIL =
      """
      {"slug":"living-on-the-edge-track-host-interview","title":"Living on the Edge: an interview with the track host",
       "intro":null,"publishedOn":"2019-10-22",
       "speaker":{"slug":"wes-reisz","name":"Wes Reisz","headline":"QCon San Francisco chair and track host","company":"Section","photoUrl":null},
       "talk":null,"topics":[{"slug":"edge-computing","name":"Edge Computing"}],
       "qa":[{"question":"What are your areas of expertise? What have you been working on?","answer":"Edge computing."}]}
      """;

  static final String INPUT =
      """
      {"slug":"living-on-the-edge-track-host-interview","title":"Living on the Edge: an interview with the track host",
       "speaker":"wes-reisz","publishedOn":"2019-10-22","topics":["edge-computing"],
       "qa":[{"question":"What are your areas of expertise? What have you been working on?","answer":"Edge computing."}]}
      """;
}
