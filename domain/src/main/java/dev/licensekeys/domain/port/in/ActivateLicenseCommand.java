package dev.licensekeys.domain.port.in;

/** The key string a customer typed, and a name for the machine it is activated on. */
public record ActivateLicenseCommand(String licenseKey, String name) {}
