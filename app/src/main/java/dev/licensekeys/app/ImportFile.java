package dev.licensekeys.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.Ids;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.Product;
import dev.licensekeys.domain.model.Source;
import dev.licensekeys.domain.port.out.IdGenerator;
import dev.licensekeys.http.DateTimes;
import dev.licensekeys.http.StorableText;
import dev.licensekeys.persistence.ColumnLengths;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * A JSON Lines import file, read whole before anything is written: one object per line, {@code
 * {"type":"customer"|"product"|"license_key", ...}}. Every bad line is reported with its number and
 * field; a file with any bad line imports nothing.
 */
final class ImportFile {

  /**
   * Some editors and Windows tools start a UTF-8 file with one; RFC 8259 lets a reader ignore it,
   * and the file's first line is otherwise "not a JSON object".
   */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final Set<String> CUSTOMER_FIELDS = Set.of("type", "customer_id", "name", "email");
  private static final Set<String> PRODUCT_FIELDS =
      Set.of("type", "product_id", "name", "brand_id");
  private static final Set<String> KEY_FIELDS =
      Set.of(
          "type",
          "id",
          "key",
          "customer_id",
          "product_id",
          "activations_limit",
          "expires_at",
          "instances_count",
          "source",
          "disabled",
          "payment_id",
          "subscription_id",
          "created_at");

  /** What a readable file holds, or the problems of every bad line. */
  record Contents(
      List<Customer> customers,
      List<Product> products,
      List<LicenseKey> keys,
      Map<String, Integer> lineOfKey,
      List<String> problems) {}

  private final String businessId;
  private final IdGenerator ids;
  private final Instant now;
  private final java.util.List<String> problems = new ArrayList<>();
  private final Map<String, Customer> customers = new HashMap<>();
  private final Map<String, Product> products = new HashMap<>();
  private final java.util.List<LicenseKey> keys = new ArrayList<>();
  private final Map<String, Integer> lineOfKey = new HashMap<>();
  private final Map<String, Integer> lineOfGivenId = new HashMap<>();
  private final Map<String, Integer> lineOfCustomer = new HashMap<>();
  private final Map<String, Integer> lineOfProduct = new HashMap<>();

  private ImportFile(String businessId, IdGenerator ids, Instant now) {
    this.businessId = businessId;
    this.ids = ids;
    this.now = now;
  }

  /** What the store already has, for keys that name a customer or product the file does not. */
  interface Stored {
    boolean hasCustomer(String customerId);

    Option<Product> product(String productId);

    /** The key string of each of {@code keyIds} that a stored key has, in any business. */
    Map<String, String> keyStringsOf(List<String> keyIds);
  }

  static Contents read(
      InputStream in,
      String businessId,
      IdGenerator ids,
      Instant now,
      Stored stored,
      IntConsumer progress)
      throws IOException {
    ImportFile file = new ImportFile(businessId, ids, now);
    Utf8Lines lines = new Utf8Lines(in);
    int number = 0;
    for (byte[] bytes = lines.next(); bytes != null; bytes = lines.next()) {
      number++;
      file.line(number, bytes, lines);
      if (number % 10_000 == 0) {
        progress.accept(number);
      }
    }
    file.resolve(stored);
    return new Contents(
        List.ofAll(file.customers.values()),
        List.ofAll(file.products.values()),
        List.ofAll(file.keys),
        file.lineOfKey,
        List.ofAll(file.problems));
  }

  private void line(int number, byte[] bytes, Utf8Lines lines) {
    String text;
    try {
      text = lines.decode(bytes);
    } catch (CharacterCodingException e) {
      problems.add("line " + number + ": not UTF-8 text");
      return;
    }
    if (number == 1 && text.startsWith(BYTE_ORDER_MARK)) {
      text = text.substring(BYTE_ORDER_MARK.length());
    }
    if (!text.isBlank()) {
      line(number, text);
    }
  }

  private void line(int number, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      problems.add("line " + number + ": not a JSON object (" + e.getOriginalMessage() + ")");
      return;
    }
    if (node == null || !node.isObject()) {
      problems.add("line " + number + ": not a JSON object");
      return;
    }
    Line line = new Line(number, node);
    switch (line.text("type", true)) {
      case "customer" -> customer(line);
      case "product" -> product(line);
      case "license_key" -> key(line);
      case null -> {}
      default -> line.problem("type", "must be customer, product or license_key");
    }
  }

  private void customer(Line line) {
    line.only(CUSTOMER_FIELDS);
    String id = line.id("customer_id", true);
    String name = line.text("name", true);
    String email = line.text("email", true);
    line.once("customer_id", id, lineOfCustomer, "customer");
    if (line.ok()) {
      customers.put(id, new Customer(id, businessId, name, email));
    }
  }

  private void product(Line line) {
    line.only(PRODUCT_FIELDS);
    String id = line.id("product_id", true);
    String name = line.text("name", false);
    String brand = line.id("brand_id", false);
    line.once("product_id", id, lineOfProduct, "product");
    if (line.ok()) {
      products.put(
          id, new Product(id, businessId, brand == null ? businessId : brand, Option.of(name)));
    }
  }

  private void key(Line line) {
    line.only(KEY_FIELDS);
    String id = line.text("id", false);
    if (id != null && !Ids.isLicenseKeyId(id)) {
      line.problem("id", "must be lic_ and 21 letters or digits");
    }
    String key = line.text("key", true);
    String customerId = line.id("customer_id", true);
    String productId = line.id("product_id", true);
    Integer limit = line.integer("activations_limit");
    Integer count = line.integer("instances_count");
    if (count != null && count != 0) {
      line.problem("instances_count", "must be 0: instances are not imported");
    }
    Instant expiresAt = line.instant("expires_at");
    Instant createdAt = line.instant("created_at");
    if (createdAt != null && createdAt.isAfter(now)) {
      // Most likely a local time written as UTC, or a clock ahead: such a key would sort before
      // every key created until then.
      line.problem(
          "created_at", "must not be in the future (this import's clock read " + now + ")");
    }
    String sourceText = line.text("source", false);
    Source source = Source.IMPORT;
    if (sourceText != null) {
      try {
        source = Source.valueOf(sourceText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        line.problem("source", "must be auto, import or manual");
      }
    }
    Boolean disabled = line.bool("disabled");
    String paymentId = line.id("payment_id", false);
    String subscriptionId = line.id("subscription_id", false);
    line.once("key", key, lineOfKey, "key");
    line.once("id", id, lineOfGivenId, "id");
    if (!line.ok()) {
      return;
    }
    pending.add(
        new PendingKey(
            line.number,
            id == null ? ids.newLicenseKeyId() : id,
            key,
            customerId,
            productId,
            Option.of(limit),
            disabled != null && disabled,
            Option.of(expiresAt),
            Option.of(paymentId),
            Option.of(subscriptionId),
            createdAt == null ? now : createdAt,
            source));
  }

  /**
   * Keys become keys once every customer and product of the file is known, and the ids the file
   * gives are free: an id a stored key has is taken, unless that key is this line's key string
   * (imported before, so skipped).
   */
  private void resolve(Stored stored) {
    Map<String, String> storedKeyStrings = stored.keyStringsOf(List.ofAll(lineOfGivenId.keySet()));
    // Each stored customer and product is asked for once, not once for each of its keys.
    Map<String, Boolean> storedCustomers = new HashMap<>();
    Map<String, Option<Product>> storedProducts = new HashMap<>();
    for (PendingKey key : pending) {
      String storedKeyString = storedKeyStrings.get(key.id());
      if (storedKeyString != null && !storedKeyString.equals(key.key())) {
        problems.add(
            "line " + key.line() + ": id " + key.id() + " is taken by another license key");
        continue;
      }
      boolean customerKnown =
          customers.containsKey(key.customerId())
              || storedCustomers.computeIfAbsent(key.customerId(), stored::hasCustomer);
      Option<Product> product =
          Option.of(products.get(key.productId()))
              .orElse(() -> storedProducts.computeIfAbsent(key.productId(), stored::product));
      if (!customerKnown) {
        problems.add(
            "line "
                + key.line()
                + ": customer_id "
                + key.customerId()
                + " is neither in the file nor in business "
                + businessId);
      }
      if (product.isEmpty()) {
        problems.add(
            "line "
                + key.line()
                + ": product_id "
                + key.productId()
                + " is neither in the file nor in business "
                + businessId);
      }
      if (customerKnown && product.isDefined()) {
        keys.add(
            new LicenseKey(
                key.id(),
                businessId,
                product.get().brandId(),
                key.customerId(),
                key.productId(),
                key.key(),
                key.source(),
                key.activationsLimit(),
                0,
                key.disabled(),
                key.expiresAt(),
                key.paymentId(),
                key.subscriptionId(),
                key.createdAt(),
                1));
      }
    }
  }

  private record PendingKey(
      int line,
      String id,
      String key,
      String customerId,
      String productId,
      Option<Integer> activationsLimit,
      boolean disabled,
      Option<Instant> expiresAt,
      Option<String> paymentId,
      Option<String> subscriptionId,
      Instant createdAt,
      Source source) {}

  private final java.util.List<PendingKey> pending = new ArrayList<>();

  /** One line's fields, read strictly; problems are added to the file's list. */
  private final class Line {
    final int number;
    final JsonNode node;
    private boolean ok = true;

    Line(int number, JsonNode node) {
      this.number = number;
      this.node = node;
    }

    boolean ok() {
      return ok;
    }

    void problem(String field, String reason) {
      ok = false;
      problems.add("line " + number + ": " + field + " " + reason);
    }

    /**
     * Notes that this line names {@code value} in {@code field}, which one line of the file may do:
     * a second is a problem that names the first, since only one of them could be imported.
     */
    void once(String field, String value, Map<String, Integer> lineOf, String what) {
      if (value == null) {
        return;
      }
      Integer first = lineOf.putIfAbsent(value, number);
      if (first != null) {
        problem(field, "repeats the " + what + " of line " + first);
      }
    }

    void only(Set<String> allowed) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          problem(name, "is not a known field");
        }
      }
    }

    String text(String field, boolean required) {
      return text(field, required, ColumnLengths.TEXT);
    }

    String id(String field, boolean required) {
      return text(field, required, ColumnLengths.ID);
    }

    private String text(String field, boolean required, int max) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        if (required) {
          problem(field, "is required");
        }
        return null;
      }
      if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > max) {
        problem(field, "must be a non-blank string of at most " + max + " characters");
        return null;
      }
      Option<String> unstorable = StorableText.problem(value.textValue());
      unstorable.forEach(message -> problem(field, message));
      return unstorable.isEmpty() ? value.textValue() : null;
    }

    Integer integer(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
        problem(field, "must be a whole number from 0 to 2147483647");
        return null;
      }
      return value.intValue();
    }

    Boolean bool(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isBoolean()) {
        problem(field, "must be true or false");
        return null;
      }
      return value.booleanValue();
    }

    Instant instant(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      try {
        return DateTimes.parse(value.asText()).toInstant();
      } catch (DateTimeParseException e) {
        problem(field, DateTimes.problemWith(value.asText()));
        return null;
      }
    }
  }
}
