package fr.formaflow.documents;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Objects that are costly to build and not thread-safe (parsed fonts, XMP serializers), lent to one document at a
 * time and given back when it is finished. The pool grows to the number of documents generated at once.
 */
final class Reusable<T> {

    private final Queue<T> free = new ConcurrentLinkedQueue<>();
    private final Supplier<T> factory;

    Reusable(Supplier<T> factory) {
        this.factory = factory;
    }

    T take() {
        T object = free.poll();
        return object != null ? object : factory.get();
    }

    void giveBack(T object) {
        free.offer(object);
    }
}
