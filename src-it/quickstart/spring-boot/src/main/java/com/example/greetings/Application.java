package com.example.greetings;

import dev.switchboard.ServerSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application whose route answers with a Spring bean's greeting. */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** The server settings of every route; without this bean, each setting has its default. */
    @Bean
    ServerSettings switchboardSettings() {
        return ServerSettings.builder()
                .allowedOrigins("https://greetings.example")
                .maxMessageSize(1024)
                .build();
    }
}
