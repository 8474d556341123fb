package fr.formaflow.bench;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;

/** The number of pages of each document the document benchmarks generate, to report a time per page. */
final class DocumentPages {

    private DocumentPages() {
    }

    static Map<String, Integer> count() {
        DocumentBenchmarks documents = new DocumentBenchmarks();
        documents.setUp();
        Map<String, Integer> pages = new HashMap<>();
        for (Method method : DocumentBenchmarks.class.getMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                try (PDDocument pdf = Loader.loadPDF((byte[]) method.invoke(documents))) {
                    pages.put(method.getName(), pdf.getNumberOfPages());
                } catch (IOException | IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot count the pages of " + method.getName(), e);
                }
            }
        }
        return pages;
    }
}
