package dev.podium.talk;

import dev.podium.common.Params;
import java.util.List;

/**
 * The filters and order of the talk list, parsed and checked. Every filter is optional; they
 * combine with "and", and several {@code topic} values with "or".
 */
public record TalkFilter(
    List<String> topics,
    String speaker,
    String conference,
    String track,
    String type,
    String level,
    Integer year,
    String status,
    Boolean hasVideo,
    String sort) {

  public static final String[] SORTS = {"startsAt", "-startsAt", "title"};

  /** Parses raw query parameters; a malformed one is a 400 naming it. */
  public static TalkFilter parse(
      List<String> topics,
      String speaker,
      String conference,
      String track,
      String type,
      String level,
      String year,
      String status,
      String hasVideo,
      String sort) {
    String parsedSort = Params.oneOf("sort", sort, SORTS);
    return new TalkFilter(
        Params.slugs("topic", topics),
        Params.slug("speaker", speaker),
        Params.slug("conference", conference),
        Params.slug("track", track),
        Params.oneOf("type", type, names(TalkApi.Type.values())),
        Params.oneOf("level", level, names(TalkApi.Level.values())),
        Params.year(year),
        Params.oneOf("status", status, names(Schedule.Status.values())),
        Params.bool("hasVideo", hasVideo),
        parsedSort == null ? "-startsAt" : parsedSort);
  }

  /** Whether the topics are the only filter (the count then needs the join table alone). */
  boolean topicsOnly() {
    return speaker == null
        && conference == null
        && track == null
        && type == null
        && level == null
        && year == null
        && status == null
        && hasVideo == null;
  }

  /**
   * For a status or a video filter alone (besides topics): the filter that keeps exactly the talks
   * this one drops, as every talk is either upcoming or past, and has a video or not. Else null.
   */
  TalkFilter opposite() {
    boolean statusAlone = status != null && hasVideo == null;
    boolean videoAlone = hasVideo != null && status == null;
    if (!(statusAlone || videoAlone)
        || speaker != null
        || conference != null
        || track != null
        || type != null
        || level != null
        || year != null) {
      return null;
    }
    String otherStatus = status == null ? null : status.equals("past") ? "upcoming" : "past";
    return new TalkFilter(
        topics,
        null,
        null,
        null,
        null,
        null,
        null,
        otherStatus,
        videoAlone ? !hasVideo : null,
        sort);
  }

  /** Whether a conference, track or speaker narrows the list: filters that an index serves. */
  boolean narrowedByKey() {
    return conference != null || track != null || speaker != null;
  }

  static String[] names(Enum<?>[] values) {
    String[] names = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = values[i].name();
    }
    return names;
  }
}
