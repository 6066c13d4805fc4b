package dev.switchboard.docs;

import dev.switchboard.OnBinary;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The large messages of docs/guide.md: an upload of any size read as a stream, and text taken in fragments.
 * {@code StreamsIT} runs it.
 */
// tag::route[]
@Route(value = "/upload", maxStreamBytes = 1L << 30)                 // streams of up to 1 GiB
public class UploadRoute {

    private final StringBuilder note = new StringBuilder();

    /** Reads the upload as it arrives, holding a few hundred KiB of it at a time, and replies with its digest. */
    @OnBinary
    String upload(InputStream data) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        new DigestInputStream(data, sha256).transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Takes a text one fragment at a time, as the host delivers them. */
    @OnText
    void note(String part, boolean last, WebSocketSession session) {
        note.append(part);
        if (last) {
            session.writeText("noted " + note.length() + " chars");
            note.setLength(0);
        }
    }
}
// end::route[]
