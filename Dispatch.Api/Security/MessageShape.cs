using System.Collections;
using Dispatch.Contracts.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dispatch.Api.Security;

/// <summary>
/// Refuses oversize strings and repeated fields anywhere in a request, by walking its descriptor,
/// so that no service has to remember to and the message names the field at fault.
/// </summary>
public static class MessageShape
{
    public static void Check(IMessage message, LimitOptions limits) => Check(message, limits, "");

    private static void Check(IMessage message, LimitOptions limits, string path)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = path + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated)
            {
                var items = (IList)value;
                if (items.Count > limits.MaxRepeated)
                {
                    throw Invalid($"{name} has {items.Count} items; the most is {limits.MaxRepeated}");
                }

                // Numbers need no look each (an ECG chunk carries thousands): only strings and messages.
                if (field.FieldType is FieldType.String or FieldType.Message)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        CheckItem(field, items[i], limits, $"{name}[{i}]");
                    }
                }
            }
            else if (!field.IsMap)
            {
                CheckItem(field, value, limits, name);
            }
        }
    }

    private static void CheckItem(FieldDescriptor field, object? value, LimitOptions limits, string name)
    {
        switch (value)
        {
            case string text when text.Length > MaxLength(field, limits):
                throw Invalid($"{name} is {text.Length} characters; the most is {MaxLength(field, limits)}");
            case IMessage nested when field.FieldType == FieldType.Message:
                Check(nested, limits, name + ".");
                break;
        }
    }

    /// <summary>Free text (a note, a reason) may be long; everything else names something and is short.</summary>
    private static int MaxLength(FieldDescriptor field, LimitOptions limits) =>
        field.Name is "note" or "reason" or "message" ? limits.MaxTextLength : limits.MaxIdLength;

    private static RuleException Invalid(string message) => new(RuleViolation.InvalidArgument, message);
}
