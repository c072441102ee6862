package dev.podium.speaker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A person who gives talks or interviews. */
@Entity
public class Speaker extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "speaker_seq")
  @SequenceGenerator(name = "speaker_seq", sequenceName = "speaker_seq", allocationSize = 50)
  public Long id;

  public String slug;
  public String name;
  public String headline;
  public String company;
  public String bio;
  public String photoUrl;
  public String website;
  public String twitter;
  public String mastodon;
  public String github;
  public String linkedin;
}
