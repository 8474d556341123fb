package fr.formaflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FormaflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(FormaflowApplication.class, args);
    }
}
