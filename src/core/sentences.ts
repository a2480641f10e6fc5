/**
 * Several sentences shown as one message (a pane's bar, a CLI line): one space between them,
 * blank parts left out. Joining them bare gave "…trang chấm điểm.Bỏ qua…".
 * @example joinSentences(["Không tạo phiếu mới.", "Bỏ qua 2 đơn vị:"]) //=> "Không tạo phiếu mới. Bỏ qua 2 đơn vị:"
 */
export function joinSentences(parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join(" ");
}
