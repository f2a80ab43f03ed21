package dev.licensekeys.domain.port.in;

public record DeactivateLicenseCommand(String licenseKey, String instanceId) {}
