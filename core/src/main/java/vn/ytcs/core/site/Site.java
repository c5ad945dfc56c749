// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.site;

import java.util.UUID;

/**
 * An installation of YTCS: this PC's own site, or one it exchanges packages with.
 *
 * @param publicKey   base64 of the X.509 encoding of its Ed25519 public key; null until known
 * @param fingerprint the short form of the public key that people read to each other on the phone
 * @param trusted     its packages are accepted (the local site trusts itself)
 */
public record Site(UUID id, String name, SiteRole role, boolean local, String publicKey, String fingerprint,
                   boolean trusted) {
}
