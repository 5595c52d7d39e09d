namespace Agency.Domain.Common;

/// <summary>Why an input is refused, and the field (property name) it belongs to, so a form shows it in place.</summary>
public sealed record FieldError(string Field, string Message);
