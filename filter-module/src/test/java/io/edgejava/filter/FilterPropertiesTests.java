package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FilterPropertiesTests {

    private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = validation.getValidator();

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void aFiniteThresholdIsValid() {
        assertThat(validator.validate(new FilterProperties(-5.5))).isEmpty();
    }

    @Test
    void aThresholdThatIsNotFiniteIsRefusedNamingTheSettingAndItsVariable() {
        for (double threshold :
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Set<ConstraintViolation<FilterProperties>> violations =
                    validator.validate(new FilterProperties(threshold));

            assertThat(violations)
                    .extracting(ConstraintViolation::getMessage)
                    .containsExactly(
                            "filter.temperature-threshold (FILTER_TEMPERATURE_THRESHOLD) must be a"
                                    + " finite number of °C");
        }
    }

    @Test
    void aMissingThresholdIsRefusedNamingTheSettingAndItsVariable() {
        assertThat(validator.validate(new FilterProperties(null)))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly(
                        "set filter.temperature-threshold (FILTER_TEMPERATURE_THRESHOLD) to a"
                                + " temperature in °C");
    }
}
