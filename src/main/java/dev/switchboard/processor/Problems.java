package dev.switchboard.processor;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports rule violations as javac errors, all in one shape, and remembers which route classes had one so
 * that no adapter is generated for them.
 *
 * <p>The shape: {@code <annotation> <rule>: found <what was found> in <Class>#<method>. Fix: <how>.}
 * Rules pass the four parts; only this class puts them together.
 */
final class Problems {

    private final Messager messager;
    private final Set<TypeElement> failedRoutes = new HashSet<>();
    private int count;

    Problems(Messager messager) {
        this.messager = messager;
    }

    /**
     * Reports a problem of a method, pointed at {@code target}: the method itself or one of its parameters.
     *
     * @param annotation the annotation whose rule is broken, such as {@code @OnText}
     * @param rule       what the rule demands, such as {@code handler must not be static}
     * @param found      what was found instead
     * @param method     the method, named in the message
     * @param target     the element javac points at
     * @param fix        how to fix it, without the final period
     */
    void method(String annotation, String rule, String found, ExecutableElement method, Element target,
            String fix) {
        TypeElement type = (TypeElement) method.getEnclosingElement();
        report(type, target, message(annotation, rule, found, Naming.methodRef(method), fix));
    }

    /** Reports a problem of a route class as a whole, pointed at the class. */
    void type(String rule, String found, TypeElement type, String fix) {
        report(type, type, message("@Route", rule, found, Naming.displayName(type), fix));
    }

    /** Whether a problem was reported on this route class or one of its methods or parameters. */
    boolean failed(TypeElement route) {
        return failedRoutes.contains(route);
    }

    /** How many problems were reported so far. */
    int count() {
        return count;
    }

    static String message(String annotation, String rule, String found, String where, String fix) {
        return annotation + " " + rule + ": found " + found + " in " + where + ". Fix: " + fix + ".";
    }

    private void report(TypeElement owner, Element target, String message) {
        failedRoutes.add(owner);
        count++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, target);
    }
}
