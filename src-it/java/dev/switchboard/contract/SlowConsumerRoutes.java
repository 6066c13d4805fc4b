package dev.switchboard.contract;

import dev.switchboard.OverflowAction;
import dev.switchboard.Route;

/**
 * Routes with small outbound queues, one per overflow action; the probe's {@code flood} fills them.
 */
public final class SlowConsumerRoutes {

    private SlowConsumerRoutes() {
    }

    @Route(value = "/slow/fail", maxQueuedMessages = 8, maxQueuedBytes = 1 << 20)
    public static class FailSend extends TrackedRoute {
    }

    @Route(value = "/slow/close", maxQueuedMessages = 8, maxQueuedBytes = 1 << 20,
            onOverflow = OverflowAction.CLOSE_SESSION)
    public static class CloseSession extends TrackedRoute {
    }
}
