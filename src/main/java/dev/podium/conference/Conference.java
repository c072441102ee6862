package dev.podium.conference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One edition of a conference, with its tracks in programme order. */
@Entity
public class Conference extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conference_seq")
  @SequenceGenerator(name = "conference_seq", sequenceName = "conference_seq", allocationSize = 50)
  public Long id;

  public String slug;
  public String name;
  public String series;

  /** Where conferences without a start date go when sorted by it: before all others. */
  public static final LocalDate UNDATED = LocalDate.of(1000, 1, 1);

  public LocalDate startDate;
  public LocalDate endDate;
  public String city;
  public String country;
  public String url;

  @OneToMany(mappedBy = "conference", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  public List<Track> tracks = new ArrayList<>();
}
