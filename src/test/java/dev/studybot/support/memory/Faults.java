package dev.studybot.support.memory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A switch in front of the stores that {@link MemoryCore} hands the core: once a port is made to
 * fail, every call to it throws the given exception until {@link #heal}, so a test can see how the
 * core answers a store that breaks.
 */
public final class Faults {
    private final Map<Class<?>, RuntimeException> failing = new ConcurrentHashMap<>();
    private final Set<Class<?>> wrapped = ConcurrentHashMap.newKeySet();

    /** From now on every call to {@code port} throws {@code failure}. */
    public void fail(Class<?> port, RuntimeException failure) {
        if (!wrapped.contains(port)) {
            throw new IllegalArgumentException(port.getSimpleName() + " is not behind this switch");
        }
        failing.put(port, failure);
    }

    /** Every port behind the switch throws {@code failure}. */
    public void failAll(RuntimeException failure) {
        wrapped.forEach(port -> failing.put(port, failure));
    }

    public void heal() {
        failing.clear();
    }

    /** {@code target} behind the switch, as its port. */
    <T> T wrap(Class<T> port, T target) {
        wrapped.add(port);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            RuntimeException failure = failing.get(port);
            if (failure != null) {
                throw failure;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
