// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.cli;

/** A command refused its input: the message is already in the user's language; nothing was changed. */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message);
    }
}
