package dev.switchboard.contract;

import java.util.List;

/**
 * The contract app: the routes a host serves for the contract suite. A WAR finds them in the route index;
 * a standalone server is given them one by one.
 */
public final class ContractApp {

    /** Every route of the app, the {@link ProbeRoute} included. */
    public static final List<Class<?>> ROUTES = List.of(
            ContractRoute.class,
            TextOnlyRoute.class,
            SharedRoute.class,
            SlowConsumerRoutes.FailSend.class,
            SlowConsumerRoutes.CloseSession.class,
            LimitedRoute.class,
            GuardedRoute.class,
            CappedRoute.class,
            CrowdedRoute.class,
            TypedRoutes.JacksonEcho.class,
            TypedRoutes.Jackson3Echo.class,
            TypedRoutes.JsonbEcho.class,
            TypedRoutes.Total.class,
            TypedRoutes.Strict.class,
            TypedRoutes.Room.class,
            PartsRoutes.Roomy.class,
            PartsRoutes.Slow.class,
            StreamRoutes.Read.class,
            StreamRoutes.Limited.class,
            StreamRoutes.Fragments.class,
            ProbeRoute.class);

    private ContractApp() {
    }
}
