package io.paperstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.processor.topology.PaperIndex;
import io.paperstream.processor.topology.PaperTopology;
import io.paperstream.schemas.Paper;
import io.paperstream.schemas.RecordJson;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Pages of the newest papers from the {@link PaperIndex}: each instance reads the first
 * {@code limit + 1} keys of its own partitions after the cursor (a reverse range: newest first),
 * the asking instance merges those pages and cuts the first {@code limit}. The cursor is the
 * order key of the last paper given, so the next page starts right after it on every instance.
 */
final class PaperLists {

  /** A list of papers no earlier than this date: papers without a date never match a date filter. */
  private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);

  /** One paper of a page with the key it sorts by. */
  record Listed(String order, JsonNode paper) {}

  private static final Comparator<Listed> NEWEST_FIRST = Comparator.comparing(Listed::order).reversed();

  private final ObjectMapper mapper;
  private final RecordJson json = new RecordJson();

  PaperLists(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The first {@code count} papers of this instance's partitions after {@code cursor} (null: from
   * the newest). Each partition is read apart (Kafka Streams' composite store would chain the
   * partitions one after the other, not in order), its first {@code count} keys at most; only
   * the papers that make the page are read and converted. {@code canonical}: a canonical keyword,
   * a {@link PaperIndex#authorList}, or null for every paper.
   */
  List<Listed> localPage(InstanceRouter router, String canonical, LocalDate from, LocalDate to, String cursor,
      int count) {
    String lower = PaperIndex.lower(canonical, from == null && to != null ? EARLIEST : from);
    String upper = PaperIndex.upper(canonical, to);
    String after = cursor == null ? null : PaperIndex.key(canonical, cursor);
    if (after != null && after.compareTo(upper) < 0) {
      upper = after;
    }
    if (lower.compareTo(upper) > 0) {
      return new ArrayList<>();
    }
    // first the keys of every partition (cheap), then only the papers that make the page
    List<KeyValue<String, String>> keys = new ArrayList<>();
    for (KeyValueIterator<String, String> partition : router.<String>rangePerPartition(PaperIndex.STORE, lower, upper)) {
      try (KeyValueIterator<String, String> newest = partition) {
        int taken = 0;
        while (newest.hasNext() && taken < count) {
          KeyValue<String, String> kv = newest.next();
          if (!kv.key.equals(after)) {
            keys.add(kv);
            taken++;
          }
        }
      }
    }
    keys.sort(Comparator.comparing((KeyValue<String, String> kv) -> kv.key).reversed());
    ReadOnlyKeyValueStore<String, Paper> papers = router.store(PaperTopology.PAPERS_STORE);
    List<Listed> page = new ArrayList<>();
    for (KeyValue<String, String> kv : keys) {
      if (page.size() == count) {
        break;
      }
      Paper paper = papers.get(kv.value);
      if (paper != null) { // null: removed since the index was read
        page.add(new Listed(PaperIndex.orderKeyOf(canonical, kv.key), json.toJson(paper)));
      }
    }
    return page;
  }

  /** A local page as JSON, for the instance that gathers: the papers with their order keys. */
  ObjectNode localAnswer(List<Listed> page) {
    ObjectNode answer = mapper.createObjectNode();
    ArrayNode papers = answer.putArray("papers");
    ArrayNode order = answer.putArray("order");
    page.forEach(listed -> {
      papers.add(listed.paper());
      order.add(listed.order());
    });
    return answer;
  }

  /** The pages of other instances, as {@link #localAnswer} wrote them. */
  static List<Listed> fromAnswer(JsonNode answer) {
    List<Listed> page = new ArrayList<>();
    for (int i = 0; i < answer.path("papers").size(); i++) {
      page.add(new Listed(answer.path("order").path(i).asText(), answer.path("papers").get(i)));
    }
    return page;
  }

  /** Every instance's page merged: the newest {@code limit}, and the cursor after them when more follow. */
  ObjectNode merge(List<Listed> all, int limit) {
    return merge(all, limit, NEWEST_FIRST);
  }

  /** Every instance's page merged in {@code order}: the first {@code limit}, and the cursor after them. */
  ObjectNode merge(List<Listed> all, int limit, Comparator<Listed> order) {
    List<Listed> sorted = new ArrayList<>(all);
    sorted.sort(order);
    ObjectNode answer = mapper.createObjectNode();
    ArrayNode papers = answer.putArray("papers");
    Set<String> ids = new HashSet<>();
    String last = null;
    boolean more = false;
    for (Listed listed : sorted) {
      if (!ids.add(listed.paper().path("paperId").asText())) {
        continue; // the same paper from two instances while its partition moves
      }
      if (papers.size() == limit) {
        more = true;
        break;
      }
      papers.add(listed.paper());
      last = listed.order();
    }
    answer.put("next", more ? encodeCursor(last) : null);
    return answer;
  }

  /** The cursor a client sends back: the order key, base64url. */
  static String encodeCursor(String order) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(order.getBytes(StandardCharsets.UTF_8));
  }

  /** The order key of a cursor; a 400 for anything this API did not give. */
  static String decodeCursor(String cursor) {
    return decodeCursor(cursor, PaperIndex::isOrderKey);
  }

  /** The order key of a cursor of the shape {@code orderKey} accepts; a 400 for anything else. */
  static String decodeCursor(String cursor, Predicate<String> orderKey) {
    if (cursor == null) {
      return null;
    }
    try {
      String order = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (orderKey.test(order)) {
        return order;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiError.badRequest("parameter 'cursor' must be the 'next' value of an earlier answer");
  }
}
