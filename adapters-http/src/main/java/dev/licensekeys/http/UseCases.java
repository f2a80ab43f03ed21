package dev.licensekeys.http;

import dev.licensekeys.domain.port.in.ActivateLicense;
import dev.licensekeys.domain.port.in.DeactivateLicense;
import dev.licensekeys.domain.port.in.GetLicenseKey;
import dev.licensekeys.domain.port.in.GetLicenseKeyInstance;
import dev.licensekeys.domain.port.in.ImportLicenseKey;
import dev.licensekeys.domain.port.in.ListLicenseKeyInstances;
import dev.licensekeys.domain.port.in.ListLicenseKeys;
import dev.licensekeys.domain.port.in.RenameLicenseKeyInstance;
import dev.licensekeys.domain.port.in.UpdateLicenseKey;
import dev.licensekeys.domain.port.in.ValidateLicense;

/** Every use case the HTTP API calls; the app wires the domain's services in. */
public record UseCases(
    UpdateLicenseKey updateLicenseKey,
    GetLicenseKey getLicenseKey,
    ListLicenseKeys listLicenseKeys,
    ImportLicenseKey importLicenseKey,
    GetLicenseKeyInstance getInstance,
    RenameLicenseKeyInstance renameInstance,
    ListLicenseKeyInstances listInstances,
    ActivateLicense activate,
    DeactivateLicense deactivate,
    ValidateLicense validate) {}
