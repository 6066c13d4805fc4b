package dev.switchboard.runtime;

import dev.switchboard.HandshakeCheck;
import dev.switchboard.InstanceFactory;
import dev.switchboard.Route;
import dev.switchboard.ServerSettings;
import dev.switchboard.binding.RouteBinding;
import dev.switchboard.binding.RouteOptions;
import dev.switchboard.path.PathTemplate;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The routes a server serves, taken from the index the annotation processor writes
 * ({@code META-INF/services/dev.switchboard.binding.RouteBinding}), checked for missing adapters and
 * duplicate paths, and turned into endpoint configurations for any Jakarta WebSocket host.
 */
public final class Routes {

    private final List<RouteBinding> bindings;

    private Routes(List<RouteBinding> bindings) {
        this.bindings = List.copyOf(bindings);
        refuseDuplicatePaths(this.bindings);
    }

    /**
     * Every route in the index visible to a class loader.
     *
     * @param loader where to look for the index and the adapters
     * @return the routes
     * @throws IllegalStateException if the index names an adapter that cannot be loaded, or two routes share a path
     */
    public static Routes discover(ClassLoader loader) {
        return discoverWith(List.of(), loader);
    }

    /**
     * The given route classes, then every other route in the index.
     *
     * @param routeClasses the {@code @Route} classes, each of which must have a generated adapter
     * @param loader       where to look for the index and the adapters
     * @return the routes
     * @throws IllegalStateException if a class has no adapter, an adapter cannot be loaded, or two routes share a path
     */
    public static Routes discoverWith(Collection<Class<?>> routeClasses, ClassLoader loader) {
        Map<String, RouteBinding> index = index(loader);
        List<RouteBinding> chosen = chosen(routeClasses, index);
        index.values().stream().filter(binding -> !chosen.contains(binding)).forEach(chosen::add);
        return new Routes(chosen);
    }

    /**
     * The given route classes, each of which must have a generated adapter in the index.
     *
     * @param routeClasses the {@code @Route} classes
     * @param loader       where to look for the index and the adapters
     * @return the routes, in the order given
     * @throws IllegalStateException if a class is not a route, has no adapter, or two routes share a path
     */
    public static Routes of(Collection<Class<?>> routeClasses, ClassLoader loader) {
        return new Routes(chosen(routeClasses, index(loader)));
    }

    private static List<RouteBinding> chosen(Collection<Class<?>> routeClasses, Map<String, RouteBinding> index) {
        List<RouteBinding> chosen = new ArrayList<>();
        for (Class<?> routeClass : routeClasses) {
            RouteBinding binding = index.get(routeClass.getName());
            if (binding == null) {
                throw new IllegalStateException(missingAdapter(routeClass));
            }
            if (!chosen.contains(binding)) {
                chosen.add(binding);
            }
        }
        return chosen;
    }

    /**
     * The path templates, in order.
     *
     * @return the paths
     */
    public List<String> paths() {
        return bindings.stream().map(RouteBinding::path).toList();
    }

    /**
     * Where each route's instances come from; shared instances are made now.
     *
     * @param factory the server's instance factory, or {@code null} for the routes' constructors
     * @return each route's instances, by route class
     * @throws IllegalStateException if a route's instances cannot be made
     */
    Map<Class<?>, RouteInstances> instances(InstanceFactory factory) {
        Map<Class<?>, RouteInstances> made = new LinkedHashMap<>();
        try {
            for (RouteBinding binding : bindings) {
                made.put(binding.routeClass(), RouteInstances.of(binding, factory));
            }
        } catch (RuntimeException e) {
            made.values().forEach(RouteInstances::release);
            throw e;
        }
        return made;
    }

    /**
     * One endpoint configuration per route, for a host to register.
     *
     * @param server   the settings routes inherit
     * @param registry where sessions are tracked
     * @param host      what differs on the host: its extensions, its quirks
     * @param instances where each route's instances come from
     * @return the configurations
     */
    List<ServerEndpointConfig> endpointConfigs(ServerSettings server, SessionRegistry registry, Host host,
                                               Map<Class<?>, RouteInstances> instances) {
        List<ServerEndpointConfig> configs = new ArrayList<>();
        for (RouteBinding binding : bindings) {
            RouteSettings settings = RouteSettings.of(binding, server, host.handlersOnIoThreads());
            RouteEndpoint endpoint = new RouteEndpoint(binding, settings, registry, host,
                    instances.get(binding.routeClass()));
            configs.add(ServerEndpointConfig.Builder.create(RouteEndpoint.class, binding.path())
                    .subprotocols(binding.options().subprotocols())
                    .extensions(host.extensions())
                    .configurator(new RouteConfigurator(endpoint, binding.path(), host))
                    .build());
        }
        return configs;
    }

    /**
     * The gate that decides the routes' upgrade requests before the host upgrades them: origin lists, session
     * limits and handshake checks.
     *
     * @param server   the settings routes inherit
     * @param registry where the routes' sessions are tracked, and their places under the session limits taken
     * @param host     the host the routes run on
     * @return the gate
     * @throws IllegalStateException if the constructor of a route's handshake check throws, or a route that needs a
     *                               codec has none
     */
    HandshakeGate handshakeGate(ServerSettings server, SessionRegistry registry, Host host) {
        List<HandshakeGate.RouteGate> gates = new ArrayList<>();
        for (RouteBinding binding : bindings) {
            RouteOptions options = binding.options();
            RouteSessions sessions = registry.route(binding.routeClass(),
                    RouteSettings.of(binding, server, host.handlersOnIoThreads()));
            if (binding.usesCodec()) {
                sessions.codec().codec(); // now, not on the first message's I/O thread; fails at once if there is none
            }
            gates.add(new HandshakeGate.RouteGate(PathTemplate.parse(binding.path()),
                    OriginPolicy.of(options.origins(), server.allowedOrigins()), sessions, checkOf(binding)));
        }
        return new HandshakeGate(gates, registry);
    }

    private static HandshakeCheck checkOf(RouteBinding binding) {
        try {
            return binding.options().newHandshakeCheck();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot make the handshake check of route "
                    + binding.routeClass().getName() + ": its no-argument constructor threw " + e, e);
        }
    }

    /**
     * The largest message any of the routes accepts, for hosts that must size their frame buffers.
     *
     * @param server the settings routes inherit
     * @return the largest message size in bytes
     */
    public long largestMessage(ServerSettings server) {
        long largest = server.maxMessageBytes();
        for (RouteBinding binding : bindings) {
            largest = Math.max(largest, RouteSettings.maxMessageBytes(binding.options(), server));
        }
        return largest;
    }

    private static Map<String, RouteBinding> index(ClassLoader loader) {
        Map<String, RouteBinding> byRouteClass = new LinkedHashMap<>();
        try {
            for (RouteBinding binding : ServiceLoader.load(RouteBinding.class, loader)) {
                byRouteClass.putIfAbsent(binding.routeClass().getName(), binding);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("The route index META-INF/services/" + RouteBinding.class.getName()
                    + " names an adapter that cannot be loaded: " + e.getMessage()
                    + ". Rebuild the project so the annotation processor regenerates the adapters.", e);
        }
        return byRouteClass;
    }

    private static String missingAdapter(Class<?> routeClass) {
        if (!routeClass.isAnnotationPresent(Route.class)) {
            return routeClass.getName() + " is not a route: annotate it with @dev.switchboard.Route(\"/path\").";
        }
        Module module = routeClass.getModule();
        if (module.isNamed()) {
            // The adapter's name as the processor makes it (processor.Naming): nested names joined by '_'.
            String adapter = routeClass.getName().replace('$', '_') + "_SwitchboardRoute";
            return routeClass.getName() + " is annotated @Route in module " + module.getName() + ", which does not "
                    + "provide its adapter: add \"provides " + RouteBinding.class.getName() + " with " + adapter
                    + ";\" to its module-info.java (one provides clause lists every route's adapter, separated by "
                    + "commas). A module's services come only from its provides clauses, not from the "
                    + "META-INF/services index the processor writes for the class path.";
        }
        return routeClass.getName() + " is annotated @Route but has no generated adapter in the route index "
                + "(META-INF/services/" + RouteBinding.class.getName() + "). Is annotation processing enabled? "
                + "javac runs dev.switchboard.processor.RouteProcessor from the switchboard jar on JDK 17-22; "
                + "JDK 23+ runs it only when asked: pass -proc:full, or name it in the maven-compiler-plugin's "
                + "<annotationProcessors> or <annotationProcessorPaths>.";
    }

    private static void refuseDuplicatePaths(List<RouteBinding> bindings) {
        Map<String, RouteBinding> byShape = new HashMap<>();
        for (RouteBinding binding : bindings) {
            RouteBinding other = byShape.putIfAbsent(PathTemplate.parse(binding.path()).shape(), binding);
            if (other != null) {
                throw new IllegalStateException("Routes " + other.routeClass().getName() + " (" + other.path()
                        + ") and " + binding.routeClass().getName() + " (" + binding.path()
                        + ") serve the same path: give each route its own path.");
            }
        }
    }
}
