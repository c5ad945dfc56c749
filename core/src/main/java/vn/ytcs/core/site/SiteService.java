// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.site;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sites this installation knows, and what it has exchanged with each. */
public interface SiteService {

    Site local();

    Optional<Site> byId(UUID id);

    /** Every other site, trusted or not. */
    List<Site> remotes();

    /** Names this site and sets its key (first start). */
    Site configureLocal(String name, SiteRole role, String publicKey, String fingerprint);

    /** Records a remote site as trusted, with the key that was confirmed on the phone. */
    Site trust(UUID id, String name, SiteRole role, String publicKey, String fingerprint);

    /** What has been exchanged with a remote site; all zero before the first package. */
    PeerState peer(UUID site);

    /** Updates what has been exchanged with a remote site. */
    void savePeer(PeerState state);

    /** What has been exchanged with one remote site. */
    record PeerState(UUID site, int lastSent, int lastReceived, int acknowledged) {
    }
}
