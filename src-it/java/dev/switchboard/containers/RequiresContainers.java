package dev.switchboard.containers;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that runs on a container distribution: with {@code -Dcontainers.skip=true} (which also
 * skips unpacking them) the class is reported skipped, before any {@code @BeforeAll} runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequiresContainers.Condition.class)
public @interface RequiresContainers {

    /** Disables the class when {@code containers.skip} is {@code true}. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Boolean.getBoolean("containers.skip")
                    ? ConditionEvaluationResult.disabled("container tests skipped (-Dcontainers.skip=true)")
                    : ConditionEvaluationResult.enabled("containers.skip is not set");
        }
    }
}
