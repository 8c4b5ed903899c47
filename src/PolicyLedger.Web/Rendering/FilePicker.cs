namespace PolicyLedger.Web.Rendering;

/// <summary>
/// A file input shown in Chinese (<c>Shared/_FilePicker.cshtml</c>, <c>assets/filepicker.js</c>): a real &lt;label&gt;
/// styled as the button (选择文件) instead of the browser's own button, whose text is in the browser's language; the
/// input stays in the page (keyboard focus, the accessible name "<see cref="Title"/> 选择文件"), and the script says
/// which files were chosen ("已选择 2 个文件：…"). Without the script the browser's input shows beside the label.
/// </summary>
/// <param name="Title">Said before the button, and first in the input's accessible name (佐证材料); null for none.</param>
/// <param name="Hint">What may be chosen (types, sizes), below the button.</param>
/// <param name="Required">The form needs files: without any, the script says so in Chinese instead of the browser.</param>
public sealed record FilePicker(string Id, string Name, string? Title, string? Hint, string? Accept = null, bool Required = false);
