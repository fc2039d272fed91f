package org.openmdms.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * In a cluster the web sessions are replicated (web.xml is distributable): everything a session holds
 * — the session-scoped beans and the view-scoped beans of its views — is serialised to the other
 * nodes, and a node's death hands the user's next request to one that has a copy. This finds every
 * {@code @SessionScoped}, {@code @ViewScoped} and {@code @ConversationScoped} class of the web module
 * and checks that it is Serializable, that a fresh instance serialises, and that every field it keeps
 * (and, recursively, every field of the application's types those hold, collections' elements
 * included) is of a serialisable type. Injected fields are the container's serialisable proxies.
 */
class SessionStateSerializableTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> PASSIVATING_SCOPES =
            List.of(SessionScoped.class, ViewScoped.class, ConversationScoped.class);

    @Test
    void everySessionAndViewScopedBeanAndWhatItHoldsIsSerializable() throws Exception {
        List<Class<?>> scoped = scopedClasses();
        assertTrue(scoped.size() >= 20, "the scan finds the web module's view-scoped beans, found " + scoped);
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : scoped) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
                continue;
            }
            serialiseFreshInstance(bean, problems);
            checkFields(bean, bean.getSimpleName(), new HashSet<>(), problems);
        }
        if (!problems.isEmpty()) {
            fail("Session state that cannot be replicated:\n  " + String.join("\n  ", problems));
        }
    }

    private static List<Class<?>> scopedClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
                if (PASSIVATING_SCOPES.stream().anyMatch(type::isAnnotationPresent)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    private static void serialiseFreshInstance(Class<?> bean, List<String> problems) {
        Object instance;
        try {
            Constructor<?> constructor = bean.getDeclaredConstructor();
            constructor.setAccessible(true);
            instance = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            problems.add(bean.getName() + " has no usable no-argument constructor: " + e);
            return;
        } catch (LinkageError needsTheServer) {
            // its class initialiser needs what only the server has (a validator, say): its fields are still checked
            return;
        }
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(instance);
        } catch (IOException e) {
            problems.add(bean.getName() + ": a fresh instance does not serialise: " + e);
        }
    }

    private static void checkFields(Class<?> type, String path, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c.getName().startsWith("org.openmdms."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                    continue;
                }
                checkType(field.getGenericType(), path + "." + field.getName(), seen, problems);
            }
        }
    }

    private static void checkType(Type type, String path, Set<Class<?>> seen, List<String> problems) {
        if (type instanceof ParameterizedType parameterized) {
            checkType(parameterized.getRawType(), path, seen, problems);
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkType(argument, path + "<>", seen, problems);
            }
        } else if (type instanceof GenericArrayType array) {
            checkType(array.getGenericComponentType(), path + "[]", seen, problems);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                checkType(bound, path, seen, problems);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                checkType(bound, path, seen, problems);
            }
        } else if (type instanceof Class<?> c) {
            checkClass(c, path, seen, problems);
        }
    }

    private static void checkClass(Class<?> c, String path, Set<Class<?>> seen, List<String> problems) {
        if (c.isPrimitive() || c == Object.class || c.isEnum()) {
            return;
        }
        if (c.isArray()) {
            checkClass(c.getComponentType(), path + "[]", seen, problems);
            return;
        }
        // The JDK's collection interfaces: their implementations the beans use (ArrayList, HashMap, List.of ...)
        // are serialisable; their elements are checked through the type arguments.
        if (Collection.class.isAssignableFrom(c) && c.isInterface() || Map.class.isAssignableFrom(c) && c.isInterface()) {
            return;
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + " is a " + c.getName() + ", which is not Serializable");
            return;
        }
        if (c.getName().startsWith("org.openmdms.")) {
            checkFields(c, path, seen, problems);
        }
    }
}
