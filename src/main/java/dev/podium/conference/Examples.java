package dev.podium.conference;

/** Example bodies for the OpenAPI document. */
final class Examples {

  private Examples() {}

  static final String PAGE =
      """
      {"items":[{"slug":"qcon-sf-2019","name":"QCon San Francisco 2019","series":"QCon San Francisco",
        "startDate":"2019-11-11","endDate":"2019-11-15","city":"San Francisco","country":"United States","status":"past"}],
       "page":{"limit":20,"next":null,"total":1}}
      """;

  static final String DETAIL =
      """
      {"slug":"qcon-sf-2018","name":"QCon San Francisco 2018","series":"QCon San Francisco",
       "startDate":"2018-11-05","endDate":"2018-11-09","city":"San Francisco","country":"United States",
       "url":null,"status":"past",
       "tracks":[{"slug":"production-readiness","name":"Production Readiness: Building Resilient Systems"}],
       "talkCount":2}
      """;

  static final String INPUT =
      """
      {"slug":"qcon-sf-2018","name":"QCon San Francisco 2018","series":"QCon San Francisco",
       "startDate":"2018-11-05","endDate":"2018-11-09","city":"San Francisco","country":"United States",
       "tracks":[{"slug":"production-readiness","name":"Production Readiness: Building Resilient Systems"}]}
      """;
}
