package dev.podium.interview;

import dev.podium.speaker.Speaker;
import dev.podium.talk.Talk;
import dev.podium.topic.Topic;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A speaker interview: questions and answers, often about one of their talks. */
@Entity
public class Interview extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interview_seq")
  @SequenceGenerator(name = "interview_seq", sequenceName = "interview_seq", allocationSize = 50)
  public Long id;

  public String slug;
  public String title;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public Speaker speaker;

  @ManyToOne(fetch = FetchType.LAZY)
  public Talk talk;

  public LocalDate publishedOn;
  public String intro;

  @ElementCollection
  @CollectionTable(name = "interview_qa", joinColumns = @JoinColumn(name = "interview_id"))
  @OrderColumn(name = "position")
  public List<QuestionAnswer> qa = new ArrayList<>();

  @ManyToMany
  @JoinTable(
      name = "interview_topic",
      joinColumns = @JoinColumn(name = "interview_id"),
      inverseJoinColumns = @JoinColumn(name = "topic_id"))
  @OrderColumn(name = "position")
  public List<Topic> topics = new ArrayList<>();

  /** One question and its answer. */
  @Embeddable
  public static class QuestionAnswer {
    public String question;
    public String answer;

    public QuestionAnswer() {}

    public QuestionAnswer(String question, String answer) {
      this.question = question;
      this.answer = answer;
    }
  }
}
