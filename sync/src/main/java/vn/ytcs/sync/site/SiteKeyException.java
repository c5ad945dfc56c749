// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.site;

import java.nio.file.Path;

/**
 * This site's key file cannot be used, and YTCS will not make a new key in its place: the other
 * sites trust the public key registered here, confirmed on the phone. Nothing was changed; the
 * reason is a key the application turns into a sentence in the user's language.
 */
public final class SiteKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the key file cannot be used, one value per sentence the user may see. */
    public enum Reason {
        /** The private key does not belong to the public key registered for this site. */
        MISMATCH,
        /** The file does not hold a private key. */
        DAMAGED,
        /** A public key is registered but its key file is gone. */
        MISSING
    }

    private final Reason reason;
    private final transient Path file;

    public SiteKeyException(Reason reason, Path file, Throwable cause) {
        super(reason + ": " + file, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    /** The key file, {@code keys/site.key} in the data folder. */
    public Path file() {
        return file;
    }
}
