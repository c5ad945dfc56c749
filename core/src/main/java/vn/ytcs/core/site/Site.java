// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.site;

import java.util.UUID;

/** An installation of YTCS: this PC's own site, or one it exchanges packages with. */
public record Site(UUID id, String name, SiteRole role, boolean local) {
}
