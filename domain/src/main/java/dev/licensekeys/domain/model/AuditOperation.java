package dev.licensekeys.domain.model;

public enum AuditOperation {
  IMPORT,
  UPDATE,
  ACTIVATE,
  DEACTIVATE,
  RENAME_INSTANCE
}
