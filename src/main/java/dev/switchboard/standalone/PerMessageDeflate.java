package dev.switchboard.standalone;

import jakarta.websocket.Extension;
import org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension;

/**
 * permessage-deflate (RFC 7692) for the standalone host, by Tyrus's extension. Its own class, touched only when
 * compression is on, so that the optional {@code tyrus-extension-deflate} jar is needed only then.
 */
public final class PerMessageDeflate {

    private static final String EXTENSION_CLASS =
            "org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension";

    private PerMessageDeflate() {
    }

    /**
     * Fails with the dependency to add if the extension is not on the class path.
     *
     * @throws IllegalStateException if {@code tyrus-extension-deflate} is missing
     */
    public static void require() {
        try {
            Class.forName(EXTENSION_CLASS, false, PerMessageDeflate.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("perMessageDeflate(true) needs Tyrus's permessage-deflate extension, "
                    + "which is not on the class path: add the dependency "
                    + "org.glassfish.tyrus.ext:tyrus-extension-deflate:2.2.1, excluding its tyrus-core so that "
                    + "Tyrus's 2.2.2 stays (the README shows how).", e);
        }
    }

    /**
     * The extension to offer on every route. Tyrus negotiates it per connection and keeps the deflate state in
     * each connection's context, so one instance serves all.
     *
     * @return Tyrus's permessage-deflate extension
     */
    static Extension extension() {
        return new PerMessageDeflateExtension();
    }
}
