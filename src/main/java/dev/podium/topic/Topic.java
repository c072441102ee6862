package dev.podium.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

/** A subject that groups talks and interviews across conferences; topics form a tree. */
@Entity
public class Topic extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_seq")
  @SequenceGenerator(name = "topic_seq", sequenceName = "topic_seq", allocationSize = 50)
  public Long id;

  public String slug;
  public String name;
  public String description;

  @ManyToOne(fetch = FetchType.LAZY)
  public Topic parent;
}
