package dev.switchboard.client;

import dev.switchboard.WebSocketClient;
import dev.switchboard.binding.ClientBinding;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the adapter the annotation processor generated for a {@code @WebSocketClient} class, in the client index
 * ({@code META-INF/services/dev.switchboard.binding.ClientBinding}) or a named module's provides clause, and says
 * exactly what is missing when there is none.
 */
public final class ClientAdapters {

    private ClientAdapters() {
    }

    /**
     * The generated adapter of a client class, looked up through the class's own class loader.
     *
     * @param clientClass the {@code @WebSocketClient} class
     * @return its adapter
     * @throws IllegalStateException if the class is not a client, has no adapter, or the index names an adapter
     *                               that cannot be loaded
     */
    public static ClientBinding of(Class<?> clientClass) {
        try {
            for (ClientBinding binding : ServiceLoader.load(ClientBinding.class, clientClass.getClassLoader())) {
                if (binding.routeClass() == clientClass) {
                    return binding;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("The client index META-INF/services/" + ClientBinding.class.getName()
                    + " names an adapter that cannot be loaded: " + e.getMessage()
                    + ". Rebuild the project so the annotation processor regenerates the adapters.", e);
        }
        throw new IllegalStateException(missingAdapter(clientClass));
    }

    /** Why a class has no adapter, and what to do about it: the same three cases as a route's. */
    static String missingAdapter(Class<?> clientClass) {
        if (!clientClass.isAnnotationPresent(WebSocketClient.class)) {
            return clientClass.getName() + " is not a client: annotate it with @dev.switchboard.WebSocketClient.";
        }
        Module module = clientClass.getModule();
        if (module.isNamed()) {
            // The adapter's name as the processor makes it (processor.Naming): nested names joined by '_'.
            String adapter = clientClass.getName().replace('$', '_') + "_SwitchboardClient";
            return clientClass.getName() + " is annotated @WebSocketClient in module " + module.getName()
                    + ", which does not provide its adapter: add \"provides " + ClientBinding.class.getName() + " with "
                    + adapter + ";\" to its module-info.java (one provides clause lists every client's adapter,"
                    + " separated by commas). A module's services come only from its provides clauses, not from the"
                    + " META-INF/services index the processor writes for the class path.";
        }
        return clientClass.getName() + " is annotated @WebSocketClient but has no generated adapter in the client"
                + " index (META-INF/services/" + ClientBinding.class.getName() + "). Is annotation processing enabled?"
                + " javac runs dev.switchboard.processor.RouteProcessor from the switchboard jar on JDK 17-22;"
                + " JDK 23+ runs it only when asked: pass -proc:full, or name it in the maven-compiler-plugin's"
                + " <annotationProcessors> or <annotationProcessorPaths>.";
    }
}
