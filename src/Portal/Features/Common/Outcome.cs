using FluentValidation.Results;

namespace Agency.Portal.Features.Common;

/// <summary>The result of a use case: success with a value, or messages per form field (and "" for the whole form).</summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyDictionary<string, string[]> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Outcome<T> Success(T value) => new(value, new Dictionary<string, string[]>());

    public static Outcome<T> Invalid(ValidationResult result) => new(default, result.Errors
        .GroupBy(e => e.PropertyName)
        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    public static Outcome<T> Invalid(string field, string message) => new(default, new Dictionary<string, string[]> { [field] = [message] });

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}

public static class ValidatorExtensions
{
    /// <summary>Adapts a FluentValidation validator to MudForm's per-field validation.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this FluentValidation.IValidator<T> validator) =>
        async (model, property) =>
        {
            var result = await validator.ValidateAsync(FluentValidation.ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(property)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
