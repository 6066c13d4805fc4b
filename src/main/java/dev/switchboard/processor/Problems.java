package dev.switchboard.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports rule violations as javac errors, all in one shape, and counts them: a route or client that added to the
 * count while it was checked gets no adapter.
 *
 * <p>The shape: {@code <annotation> <rule>: found <what was found> in <Class>#<method>. Fix: <how>.}
 * Rules pass the four parts; only this class puts them together.
 */
final class Problems {

    private final Messager messager;
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
     * @param where      the method as the message names it, such as {@code ChatRoom#said}
     * @param target     the element javac points at
     * @param fix        how to fix it, without the final period
     */
    void method(String annotation, String rule, String found, String where, Element target, String fix) {
        report(target, message(annotation, rule, found, where, fix));
    }

    /** Reports a problem of a route or client class as a whole, pointed at the class, under its annotation. */
    void type(EndpointKind kind, String rule, String found, TypeElement type, String fix) {
        report(type, message(kind.label(), rule, found, Naming.displayName(type), fix));
    }

    /** How many problems were reported so far. */
    int count() {
        return count;
    }

    static String message(String annotation, String rule, String found, String where, String fix) {
        return annotation + " " + rule + ": found " + found + " in " + where + ". Fix: " + fix + ".";
    }

    private void report(Element target, String message) {
        count++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, target);
    }
}
