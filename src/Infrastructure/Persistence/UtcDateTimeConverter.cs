using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Agency.Infrastructure.Persistence;

internal sealed class UtcDateTimeConverter()
    : ValueConverter<DateTime, DateTime>(
        v =>
            v.Kind == DateTimeKind.Utc ? v
            : v.Kind == DateTimeKind.Local ? v.ToUniversalTime()
            : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc)
    );

internal sealed class NullableUtcDateTimeConverter()
    : ValueConverter<DateTime?, DateTime?>(
        v =>
            v == null ? v
            : v.Value.Kind == DateTimeKind.Utc ? v
            : v.Value.Kind == DateTimeKind.Local ? v.Value.ToUniversalTime()
            : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)
    );
