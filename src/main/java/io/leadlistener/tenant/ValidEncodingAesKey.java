package io.leadlistener.tenant;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A WeCom EncodingAESKey: 43 characters that Base64-decode (with a trailing '=') to a 32-byte AES key. */
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EncodingAesKeyValidator.class)
public @interface ValidEncodingAesKey {
    String message() default "is not a valid EncodingAESKey";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
