#include "ScreenAudit.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QFontInfo>
#include <QFontMetrics>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QTextDocument>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace mk::test {

namespace {

double channel(int value)
{
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

QString name(const QWidget* w)
{
    QString n = w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className())
                                          : w->objectName();
    QString text;
    if (const auto* label = qobject_cast<const QLabel*>(w)) text = label->text();
    if (const auto* button = qobject_cast<const QAbstractButton*>(w)) text = button->text();
    text = text.simplified();
    if (text.size() > 30) text = text.left(29) + QChar(0x2026);
    if (!text.isEmpty()) n += QStringLiteral(" \"%1\"").arg(text);
    return n;
}

// Visible to the window: the widget and every ancestor shown.
bool shown(const QWidget* w, const QWidget* root)
{
    return w == root || (w->isVisibleTo(root) && w->width() > 0 && w->height() > 0);
}

// The widget's rectangle in root coordinates, cut by every ancestor (scroll areas, stacks):
// the part a patient can actually see.
QRect visibleRect(const QWidget* w, const QWidget* root)
{
    QRect r(w->mapTo(root, QPoint(0, 0)), w->size());
    for (const QWidget* p = w->parentWidget(); p != nullptr && p != root; p = p->parentWidget())
        r &= QRect(p->mapTo(root, QPoint(0, 0)), p->size());
    return r & root->rect();
}

// Inside a scroll area that can scroll in that direction: may be out of view on purpose (a
// scroll away). A scroll area without a usable scroll bar (the window's page area in normal
// mode; any switched-off bar) hides what it cuts.
bool scrolled(const QWidget* w, const QWidget* root,
              Qt::Orientations along = Qt::Horizontal | Qt::Vertical)
{
    for (const QWidget* p = w->parentWidget(); p != nullptr && p != root; p = p->parentWidget()) {
        const auto* area = qobject_cast<const QAbstractScrollArea*>(p);
        if (area == nullptr) continue;
        const QScrollBar* v = area->verticalScrollBar();
        const QScrollBar* h = area->horizontalScrollBar();
        if ((along & Qt::Vertical) && area->verticalScrollBarPolicy() != Qt::ScrollBarAlwaysOff &&
            v != nullptr && v->maximum() > 0)
            return true;
        if ((along & Qt::Horizontal) &&
            area->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff && h != nullptr &&
            h->maximum() > 0)
            return true;
    }
    return false;
}

QString plainText(const QLabel* label)
{
    if (label->textFormat() == Qt::PlainText ||
        (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(label->text())))
        return label->text();
    QTextDocument doc;
    doc.setHtml(label->text());
    return doc.toPlainText();
}

void addFinding(AuditResult* result, const QString& kind, const QWidget* w, const QString& detail)
{
    result->findings.append(AuditFinding{kind, name(w), detail});
}

void measureText(AuditResult* result, const QWidget* w, const AuditLimits& limits)
{
    const int px = QFontInfo(w->font()).pixelSize();
    if (qEnvironmentVariableIsSet("MEDKIOSK_AUDIT_DUMP"))
        qInfo().noquote() << "audit text" << px << "px" << w->font().pixelSize()
                          << w->font().pointSizeF() << name(w);
    AuditMinima& m = result->minima;
    ++m.texts;
    if (m.text_px == 0 || px < m.text_px) {
        m.text_px = px;
        m.text_widget = name(w);
    }
    if (px < limits.min_text_px)
        addFinding(result, QStringLiteral("text-size"), w,
                   QStringLiteral("%1 px < %2 px").arg(px).arg(limits.min_text_px));
}

void measureContrast(AuditResult* result, const QWidget* w, const QImage& image, const QRect& rect,
                     const AuditLimits& limits)
{
    const double ratio = paintedContrast(image, rect);
    if (qEnvironmentVariableIsSet("MEDKIOSK_AUDIT_DUMP"))
        qInfo().noquote() << "audit contrast" << ratio << rect << name(w);
    if (ratio <= 0.0) return;  // nothing painted but the background (e.g. clipped away)
    AuditMinima& m = result->minima;
    if (m.contrast == 0.0 || ratio < m.contrast) {
        m.contrast = ratio;
        m.contrast_widget = name(w);
    }
    if (ratio + 1e-9 < limits.min_contrast)
        addFinding(result, QStringLiteral("contrast"), w,
                   QStringLiteral("%1:1 < %2:1").arg(ratio, 0, 'f', 2).arg(limits.min_contrast));
}

// Text that needs more room than the widget has.
void measureClipping(AuditResult* result, const QWidget* w, const AuditLimits& limits)
{
    const int tol = limits.clip_tolerance_px;
    if (const auto* label = qobject_cast<const QLabel*>(w)) {
        const QRect cr = label->contentsRect();
        if (label->wordWrap()) {
            const int need = label->heightForWidth(label->width());
            if (need > label->height() + tol)
                addFinding(result, QStringLiteral("clipped"), w,
                           QStringLiteral("wrapped text needs %1 px height, has %2")
                               .arg(need)
                               .arg(label->height()));
            // A single word longer than the line cannot wrap.
            const QFontMetrics fm(label->font());
            const QStringList words = plainText(label).split(
                QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            for (const QString& word : words) {
                if (word.size() > 1 && !word.front().isLetter()) continue;
                const int need_w = fm.horizontalAdvance(word);
                // CJK text wraps between any two characters; only Latin words are atomic.
                if (word.front().script() != QChar::Script_Latin) continue;
                if (need_w > cr.width() + tol) {
                    addFinding(result, QStringLiteral("clipped"), w,
                               QStringLiteral("word \"%1\" needs %2 px, line has %3")
                                   .arg(word)
                                   .arg(need_w)
                                   .arg(cr.width()));
                    break;
                }
            }
            return;
        }
        const QSize need = label->minimumSizeHint();
        const QSize has = label->size();
        if (need.width() > has.width() + tol || need.height() > has.height() + tol)
            addFinding(result, QStringLiteral("clipped"), w,
                       QStringLiteral("needs %1x%2 px, has %3x%4")
                           .arg(need.width())
                           .arg(need.height())
                           .arg(has.width())
                           .arg(has.height()));
        return;
    }
    if (const auto* button = qobject_cast<const QAbstractButton*>(w)) {
        // The button's own size hint holds its text, icon and the style sheet's padding.
        const QSize need = button->sizeHint();
        const QFontMetrics fm(button->font());
        int text_w = 0;
        const QStringList lines = button->text().split(QLatin1Char('\n'));
        for (const QString& line : lines)
            text_w = std::max(text_w, fm.horizontalAdvance(QString(line).remove(QLatin1Char('&'))));
        const int text_h = int(lines.size()) * fm.lineSpacing();
        if (text_w > button->width() + tol || text_h > button->height() + tol ||
            (need.width() > button->width() + tol && text_w + 8 > button->width()))
            addFinding(result, QStringLiteral("clipped"), w,
                       QStringLiteral("text needs %1x%2 px, button has %3x%4")
                           .arg(text_w)
                           .arg(text_h)
                           .arg(button->width())
                           .arg(button->height()));
    }
}

void measureTarget(AuditResult* result, const QWidget* w, const AuditLimits& limits)
{
    const int side = std::min(w->width(), w->height());
    if (qEnvironmentVariableIsSet("MEDKIOSK_AUDIT_DUMP"))
        qInfo().noquote() << "audit target" << w->geometry() << "hint" << w->sizeHint() << "min"
                          << w->minimumSize() << "parent" << w->parentWidget()->geometry()
                          << name(w);
    AuditMinima& m = result->minima;
    ++m.targets;
    if (m.target_px == 0 || side < m.target_px) {
        m.target_px = side;
        m.target_widget = name(w);
    }
    if (side < limits.min_target_px)
        addFinding(result, QStringLiteral("target"), w,
                   QStringLiteral("%1x%2 px, smaller side < %3 px")
                       .arg(w->width())
                       .arg(w->height())
                       .arg(limits.min_target_px));
}

// Visible children of one parent whose rectangles intersect (a layout never does that).
void measureOverlap(AuditResult* result, const QWidget* parent, const QWidget* root)
{
    if (qobject_cast<const QStackedWidget*>(parent) != nullptr) return;  // one page shown
    QList<const QWidget*> kids;
    for (const QObject* o : parent->children()) {
        const auto* w = qobject_cast<const QWidget*>(o);
        if (w == nullptr || !shown(w, root) || w->isWindow()) continue;
        // The scroll area's own parts (viewport, scroll bars) are laid out by it.
        if (qobject_cast<const QAbstractScrollArea*>(parent) != nullptr) continue;
        if (w->property("auditOverlay").toBool()) continue;  // drawn over others on purpose
        kids << w;
    }
    for (qsizetype i = 0; i < kids.size(); ++i) {
        for (qsizetype j = i + 1; j < kids.size(); ++j) {
            const QRect a = kids[i]->geometry();
            const QRect b = kids[j]->geometry();
            const QRect both = a & b;
            if (both.width() > 1 && both.height() > 1) {
                addFinding(result, QStringLiteral("overlap"), kids[i],
                           QStringLiteral("overlaps %1 by %2x%3 px")
                               .arg(name(kids[j]))
                               .arg(both.width())
                               .arg(both.height()));
            }
        }
    }
}

void walk(AuditResult* result, QWidget* w, QWidget* root, const QImage& image,
          const AuditLimits& limits)
{
    if (!shown(w, root)) return;
    w->ensurePolished();
    const QRect vis = visibleRect(w, root);
    QString text;
    const auto* label = qobject_cast<const QLabel*>(w);
    const auto* button = qobject_cast<const QAbstractButton*>(w);
    if (label != nullptr && label->pixmap().isNull()) text = plainText(label).trimmed();
    if (button != nullptr) text = button->text().trimmed();
    if (const auto* edit = qobject_cast<const QLineEdit*>(w)) text = edit->text();
    const bool fully_visible = vis.size() == w->size();
    const QRect in_window(w->mapTo(root, QPoint(0, 0)), w->size());
    Qt::Orientations beyond;
    if (in_window.left() < 0 || in_window.right() > root->rect().right()) beyond |= Qt::Horizontal;
    if (in_window.top() < 0 || in_window.bottom() > root->rect().bottom()) beyond |= Qt::Vertical;
    const bool excused = (!(beyond & Qt::Horizontal) || scrolled(w, root, Qt::Horizontal)) &&
                         (!(beyond & Qt::Vertical) || scrolled(w, root, Qt::Vertical));
    // Cut by an ancestor that does not scroll there (a page laid out taller than the area that
    // shows it): the cut part is hidden from the patient, e.g. a button sunk under the footer.
    const int tol = limits.clip_tolerance_px;
    Qt::Orientations cut;
    if (vis.left() - in_window.left() > tol || in_window.right() - vis.right() > tol)
        cut |= Qt::Horizontal;
    if (vis.top() - in_window.top() > tol || in_window.bottom() - vis.bottom() > tol)
        cut |= Qt::Vertical;
    const bool cut_excused = (!(cut & Qt::Horizontal) || scrolled(w, root, Qt::Horizontal)) &&
                             (!(cut & Qt::Vertical) || scrolled(w, root, Qt::Vertical));
    if (w != root && !vis.isEmpty() && cut != Qt::Orientations() && !cut_excused &&
        beyond == Qt::Orientations()) {
        addFinding(result, QStringLiteral("clipped"), w,
                   QStringLiteral("cut off by an enclosing widget: %1x%2 of %3x%4 px shown")
                       .arg(vis.width())
                       .arg(vis.height())
                       .arg(in_window.width())
                       .arg(in_window.height()));
        return;  // its children are cut too: one finding
    }
    if (w != root && beyond != Qt::Orientations() && !excused) {
        // Laid out beyond the window's edge (a page taller than the screen): cut off for good.
        addFinding(result, QStringLiteral("clipped"), w,
                   QStringLiteral("outside the window: %1,%2 %3x%4 in %5x%6")
                       .arg(in_window.x())
                       .arg(in_window.y())
                       .arg(in_window.width())
                       .arg(in_window.height())
                       .arg(root->width())
                       .arg(root->height()));
        return;  // its children are cut too: one finding
    }
    if (!text.isEmpty() && vis.width() > 2 && vis.height() > 2) {
        measureText(result, w, limits);
        // A button's own border and rounded corners are not text: look inside them.
        const QRect inner = button != nullptr ? vis.adjusted(6, 6, -6, -6) & vis : vis;
        // Half scrolled out of view is not a colour problem (the rest is a scroll away).
        if (fully_visible || !scrolled(w, root)) measureContrast(result, w, image, inner, limits);
        if (fully_visible) measureClipping(result, w, limits);
    }
    if (button != nullptr && w->isEnabled() && fully_visible) measureTarget(result, w, limits);
    if (button != nullptr) {
        measureOverlap(result, w, root);
        return;  // a button's children are its own painting
    }
    // A modal overlay (auditOverlay) covering the whole widget: the patient sees only it.
    for (QObject* o : w->children()) {
        auto* child = qobject_cast<QWidget*>(o);
        if (child != nullptr && !child->isWindow() && shown(child, root) &&
            child->property("auditOverlay").toBool() && child->geometry().contains(w->rect())) {
            walk(result, child, root, image, limits);
            return;
        }
    }
    measureOverlap(result, w, root);
    for (QObject* o : w->children()) {
        auto* child = qobject_cast<QWidget*>(o);
        if (child != nullptr && !child->isWindow()) walk(result, child, root, image, limits);
    }
}

}  // namespace

double relativeLuminance(const QColor& color)
{
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double paintedContrast(const QImage& image, const QRect& rect)
{
    const QRect r = rect & image.rect();
    if (r.isEmpty()) return 0.0;
    QHash<QRgb, int> counts;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = r.left(); x <= r.right(); ++x) counts[line[x] | 0xff000000u] += 1;
    }
    QRgb background = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            background = it.key();
        }
    }
    // The text colour: the painted colour farthest from the background in luminance, among
    // colours with a few pixels at least (a glyph's core, not one anti-aliased speck).
    const double lb = relativeLuminance(QColor(background));
    double best = 1.0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.key() == background || it.value() < 3) continue;
        const double lt = relativeLuminance(QColor(it.key()));
        best = std::max(best, (std::max(lb, lt) + 0.05) / (std::min(lb, lt) + 0.05));
    }
    return best > 1.0 ? best : 0.0;
}

AuditResult auditWidgetTree(QWidget* root, const AuditLimits& limits)
{
    AuditResult result;
    const QImage image = root->grab().toImage().convertToFormat(QImage::Format_RGB32);
    walk(&result, root, root, image, limits);
    return result;
}

QString describe(const AuditFinding& finding)
{
    return QStringLiteral("%1: %2: %3").arg(finding.kind, finding.widget, finding.detail);
}

}  // namespace mk::test
