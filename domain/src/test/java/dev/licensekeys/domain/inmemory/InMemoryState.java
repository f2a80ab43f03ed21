package dev.licensekeys.domain.inmemory;

import dev.licensekeys.domain.model.Customer;
import dev.licensekeys.domain.model.LicenseKey;
import dev.licensekeys.domain.model.LicenseKeyInstance;
import dev.licensekeys.domain.model.Product;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the in-memory adapters store, behind one lock: each write holds it for its whole
 * length, which makes every write atomic, as a database transaction would be, and so do reads of
 * more than one value. A key is an immutable record in a concurrent map, so reading one key by its
 * id needs no lock: it sees the key before or after a write, never half of one.
 */
final class InMemoryState {

  final Map<String, LicenseKey> keysById = new ConcurrentHashMap<>();
  final Map<String, String> keyIdsByKeyString = new HashMap<>();
  final Map<String, LicenseKeyInstance> instancesById = new HashMap<>();
  final Map<String, Customer> customers = new HashMap<>();
  final Map<String, Product> products = new HashMap<>();
  final AuditLog auditLog = new AuditLog();

  static String scoped(String businessId, String id) {
    return businessId + "/" + id;
  }
}
