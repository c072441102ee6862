package dev.podium.catalog;

/** Example bodies for the OpenAPI document. */
final class Examples {

  private Examples() {}

  static final String DOCUMENT =
      """
      {"formatVersion":1,"source":"Facts from the public QCon San Francisco resiliency topic pages.",
       "topics":[{"slug":"resiliency","name":"Resiliency"},
                 {"slug":"chaos-engineering","name":"Chaos Engineering","parent":"resiliency"}],
       "conferences":[{"slug":"qcon-sf-2017","name":"QCon San Francisco 2017","series":"QCon San Francisco",
         "startDate":"2017-11-13","endDate":"2017-11-17",
         "tracks":[{"slug":"devops-you-build-it-you-run-it","name":"DevOps: You Build It, You Run It"}]}],
       "speakers":[{"slug":"nora-jones","name":"Nora Jones","headline":"Senior Chaos Engineer","company":"Netflix"}],
       "talks":[{"slug":"designing-services-resilience-testing-netflix",
         "title":"Designing Services for Resilience Testing @Netflix","conference":"qcon-sf-2017",
         "track":"devops-you-build-it-you-run-it","speakers":["nora-jones"],
         "topics":["resiliency","chaos-engineering"],"type":"talk","levels":["intermediate","advanced"],
         "startsAt":"2017-11-13T18:35:00Z","durationMinutes":50,"room":"Ballroom BC"}],
       "interviews":[{"slug":"nora-jones-on-chaos","title":"Nora Jones on chaos engineering","speaker":"nora-jones",
         "talk":"designing-services-resilience-testing-netflix","publishedOn":"2017-11-01",
         "qa":[{"question":"Where should a team start?","answer":"With the fallbacks it already has."}]}]}
      """;

  static final String RESULT =
      """
      {"dryRun":false,"counts":{
        "topics":{"created":2,"updated":0,"unchanged":0},
        "conferences":{"created":1,"updated":0,"unchanged":0},
        "speakers":{"created":1,"updated":0,"unchanged":0},
        "talks":{"created":1,"updated":0,"unchanged":0},
        "interviews":{"created":1,"updated":0,"unchanged":0}}}
      """;
}
