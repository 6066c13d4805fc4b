package dev.switchboard.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** How classes, methods, parameters and types are named in messages and in generated code. */
final class Naming {

    private Naming() {
    }

    /**
     * The class's simple names from the outermost class, joined by '.': {@code Outer.Inner}. This is also
     * how code in the same package refers to it.
     */
    static String displayName(TypeElement type) {
        return String.join(".", simpleNames(type));
    }

    /** {@code ChatRoom#said}, or {@code ChatRoom#ChatRoom} for a constructor. */
    static String methodRef(ExecutableElement method) {
        TypeElement type = (TypeElement) method.getEnclosingElement();
        String name = method.getKind() == ElementKind.CONSTRUCTOR
                ? type.getSimpleName().toString()
                : method.getSimpleName().toString();
        return displayName(type) + "#" + name;
    }

    /** {@code ChatRoom#said}, or {@code Base#said (inherited by ChatRoom)} for a method of a route's superclass. */
    static String methodRef(ExecutableElement method, TypeElement route) {
        String ref = methodRef(method);
        return method.getEnclosingElement().equals(route) ? ref : ref + " (inherited by " + displayName(route) + ")";
    }

    /**
     * The adapter's simple name: {@code Outer_Inner_SwitchboardRoute} for a route, {@code Outer_Inner_SwitchboardClient}
     * for a client.
     */
    static String adapterSimpleName(TypeElement type, EndpointKind kind) {
        return String.join("_", simpleNames(type)) + kind.adapterSuffix();
    }

    /** The adapter's binary name, as listed in the ServiceLoader index: {@code com.example.ChatRoom_SwitchboardRoute}. */
    static String adapterBinaryName(TypeElement type, EndpointKind kind) {
        String pkg = packageName(type);
        return pkg.isEmpty() ? adapterSimpleName(type, kind) : pkg + "." + adapterSimpleName(type, kind);
    }

    static String packageName(TypeElement type) {
        Element element = type;
        while (!(element instanceof PackageElement)) {
            element = element.getEnclosingElement();
        }
        return ((PackageElement) element).getQualifiedName().toString();
    }

    /** How a message names a package: {@code package com.example}, or {@code the unnamed package}. */
    static String packageText(String name) {
        return name.isEmpty() ? "the unnamed package" : "package " + name;
    }

    /** The access that modifiers give: {@code public}, {@code protected}, {@code package-private} or {@code private}. */
    static String access(Set<Modifier> modifiers) {
        return modifiers.contains(Modifier.PUBLIC) ? "public" : modifiers.contains(Modifier.PRIVATE) ? "private"
                : modifiers.contains(Modifier.PROTECTED) ? "protected" : "package-private";
    }

    /** A parameter of this type, with short type names and without annotations: {@code int count}. */
    static String parameter(TypeMirror type, VariableElement parameter) {
        return type(type) + " " + parameter.getSimpleName();
    }

    /**
     * A type as a user would write it with imports: {@code List<String>} rather than
     * {@code java.util.List<java.lang.String>}. Package prefixes are the lower-case parts before a capital.
     */
    static String type(TypeMirror type) {
        return type.toString().replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Z_$])", "");
    }

    private static Deque<String> simpleNames(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            names.addFirst(e.getSimpleName().toString());
        }
        return names;
    }
}
