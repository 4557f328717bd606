package org.polemos.io.events;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.polemos.io.results.Csv;

/**
 * Synthetic event files written by the tests themselves (column names only follow the published
 * layouts).
 */
final class EventFixtures {
  private EventFixtures() {}

  /** The 135 column names of the GTD globalterrorismdb export. */
  static final List<String> GTD_HEADER =
      List.of(
          ("eventid,iyear,imonth,iday,approxdate,extended,resolution,country,country_txt,region,region_txt,provstate,"
                  + "city,latitude,longitude,specificity,vicinity,location,summary,crit1,crit2,crit3,doubtterr,alternative,"
                  + "alternative_txt,multiple,success,suicide,attacktype1,attacktype1_txt,attacktype2,attacktype2_txt,"
                  + "attacktype3,attacktype3_txt,targtype1,targtype1_txt,targsubtype1,targsubtype1_txt,corp1,target1,natlty1,"
                  + "natlty1_txt,targtype2,targtype2_txt,targsubtype2,targsubtype2_txt,corp2,target2,natlty2,natlty2_txt,"
                  + "targtype3,targtype3_txt,targsubtype3,targsubtype3_txt,corp3,target3,natlty3,natlty3_txt,gname,gsubname,"
                  + "gname2,gsubname2,gname3,gsubname3,motive,guncertain1,guncertain2,guncertain3,individual,nperps,nperpcap,"
                  + "claimed,claimmode,claimmode_txt,claim2,claimmode2,claimmode2_txt,claim3,claimmode3,claimmode3_txt,"
                  + "compclaim,weaptype1,weaptype1_txt,weapsubtype1,weapsubtype1_txt,weaptype2,weaptype2_txt,weapsubtype2,"
                  + "weapsubtype2_txt,weaptype3,weaptype3_txt,weapsubtype3,weapsubtype3_txt,weaptype4,weaptype4_txt,"
                  + "weapsubtype4,weapsubtype4_txt,weapdetail,nkill,nkillus,nkillter,nwound,nwoundus,nwoundte,property,"
                  + "propextent,propextent_txt,propvalue,propcomment,ishostkid,nhostkid,nhostkidus,nhours,ndays,divert,"
                  + "kidhijcountry,ransom,ransomamt,ransomamtus,ransompaid,ransompaidus,ransomnote,hostkidoutcome,"
                  + "hostkidoutcome_txt,nreleased,addnotes,scite1,scite2,scite3,dbsource,INT_LOG,INT_IDEO,INT_MISC,INT_ANY,"
                  + "related")
              .split(","));

  /** The 31-column ACLED export. */
  static final List<String> ACLED_31 =
      List.of(
          ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,"
                  + "time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
                  + "interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
                  + "source_scale,notes,fatalities,timestamp,iso3")
              .split(","));

  /** The current ACLED export. */
  static final List<String> ACLED_CURRENT =
      List.of(
          ("event_id_cnty,event_date,year,time_precision,disorder_type,"
                  + "event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
                  + "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
                  + "source,source_scale,notes,fatalities,tags,timestamp")
              .split(","));

  /** ACLED version 6, lowercase, with the leading unnamed index column a pandas export adds. */
  static final List<String> ACLED_V6_LOWER =
      List.of(
          (",actor1,actor2,admin1,admin2,admin3,ally_actor_1,"
                  + "ally_actor_2,country,data_id,event_date,event_id_cnty,event_id_no_cnty,event_type,fatalities,"
                  + "geo_precision,gwno,inter1,inter2,interaction,latitude,location,longitude,notes,source,time_precision,year")
              .split(",", -1));

  /** ACLED version 6, uppercase. */
  static final List<String> ACLED_V6_UPPER =
      List.of(
          ("GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,"
                  + "TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,"
                  + "ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES")
              .split(","));

  /** UCDP GED columns. */
  static final List<String> UCDP =
      List.of(
          ("id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,"
                  + "conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
                  + "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,"
                  + "source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,"
                  + "longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,"
                  + "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low")
              .split(","));

  /**
   * A CSV line with {@code values} (column name to value) placed under {@code header}, others
   * empty.
   */
  static String row(List<String> header, Map<String, String> values) {
    for (String name : values.keySet()) {
      if (!header.contains(name)) {
        throw new IllegalArgumentException("no column " + name);
      }
    }
    List<String> fields = new ArrayList<>();
    for (String name : header) {
      fields.add(Csv.field(values.getOrDefault(name, "")));
    }
    return String.join(",", fields);
  }

  /** A map from alternating column names and values. */
  static Map<String, String> values(String... namesAndValues) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  static String header(List<String> header) {
    List<String> fields = new ArrayList<>();
    header.forEach(h -> fields.add(Csv.field(h)));
    return String.join(",", fields);
  }

  /** Writes the header and lines (each without terminator) joined by {@code eol}. */
  static Path write(Path file, Charset charset, String eol, List<String> header, String... lines)
      throws IOException {
    List<String> all = new ArrayList<>();
    all.add(header(header));
    all.addAll(Arrays.asList(lines));
    Files.write(file, (String.join(eol, all) + eol).getBytes(charset));
    return file;
  }

  /** Reads {@code file} fully into lists (tests only). */
  static Read read(EventDataset dataset, Path file) throws IOException {
    List<ConflictEvent> events = new ArrayList<>();
    List<Rejection> rejects = new ArrayList<>();
    try (EventReader reader = EventReader.open(dataset, file)) {
      ImportReport report = reader.read(events::add, rejects::add);
      return new Read(report, events, rejects);
    }
  }

  record Read(ImportReport report, List<ConflictEvent> events, List<Rejection> rejects) {}
}
