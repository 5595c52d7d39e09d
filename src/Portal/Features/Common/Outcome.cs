using Agency.Infrastructure.Persistence;
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

    public static Outcome<T> Invalid(ValidationResult result) =>
        new(
            default,
            result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())
        );

    public static Outcome<T> Invalid(Domain.Common.FieldError error) => Invalid(error.Field, error.Message);

    public static Outcome<T> Invalid(string field, string message) =>
        new(default, new Dictionary<string, string[]> { [field] = [message] });

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}

/// <summary>
/// Field messages that only the server can give (a slug already taken). They are shown through the
/// form's own validation, so MudBlazor keeps them until the person changes that field's value.
/// </summary>
public sealed class ServerErrors
{
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private Dictionary<string, object?> _valuesAtError = [];

    public string? General => _errors.TryGetValue("", out var m) ? string.Join(" ", m) : null;

    public void Set<TValue>(Outcome<TValue> outcome, object model)
    {
        _errors = outcome.Errors;
        _valuesAtError = _errors.Keys.Where(k => k.Length > 0).ToDictionary(k => k, k => ValueOf(model, k));
    }

    public void Clear() => Set(Outcome<bool>.Success(true), new object());

    public IEnumerable<string> For(object model, string property) =>
        _errors.TryGetValue(property, out var messages) && Equals(_valuesAtError.GetValueOrDefault(property), ValueOf(model, property))
            ? messages
            : [];

    private static object? ValueOf(object model, string property) => model.GetType().GetProperty(property)?.GetValue(model);
}

public static class ValidatorExtensions
{
    /// <summary>Adapts a FluentValidation validator (plus the server's field messages) to MudForm's per-field validation.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(
        this FluentValidation.IValidator<T> validator,
        ServerErrors? server = null
    ) =>
        async (model, property) =>
        {
            var result = await validator.ValidateAsync(
                FluentValidation.ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(property))
            );
            var messages = result.Errors.Select(e => e.ErrorMessage).ToList();
            if (server is not null)
                messages.AddRange(server.For(model, property));
            return messages;
        };
}

public static class SaveOutcomes
{
    public const string NotSaved = "Nothing was saved: the database did not take the change just now. Try again in a moment.";

    /// <summary>
    /// Saves the form's changes. A unique index refusing them is <paramref name="field"/>'s message (another person saved the same
    /// first); a database that did not take them (busy past its timeout, unreachable) is the form's message. Either way the form
    /// keeps what was typed. Any other failure is a fault and is thrown.
    /// </summary>
    public static async Task<Outcome<T>> SaveAsync<T>(
        this AgencyDbContext db,
        T saved,
        string field,
        string duplicate,
        ILogger log,
        CancellationToken ct
    )
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Success(saved);
        }
        catch (Exception e) when (e.IsUniqueViolation())
        {
            return Outcome<T>.Invalid(field, duplicate);
        }
        catch (Exception e) when (e.IsStoreFailure())
        {
            log.LogWarning(e, "{Type} not saved", typeof(T).Name);
            return Outcome<T>.Invalid("", NotSaved);
        }
    }
}
