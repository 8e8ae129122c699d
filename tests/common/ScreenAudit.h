// The screen audit (issue 12): walks the visible widget tree under a window and measures what a
// patient meets - the pixel size of every visible text, the size of every touch target, the
// contrast of every text against what is painted behind it, text that needs more room than its
// widget has, and visible siblings that overlap - against chosen minima.
//
// Contrast is measured on pixels, not read from a palette: the window is rendered once
// (QWidget::grab, the style sheet and palette as actually painted), and for each text widget the
// background is the most frequent colour inside it and the text colour the painted pixel farthest
// from it in WCAG relative luminance; the ratio is (L1 + 0.05) / (L2 + 0.05). So a style sheet, a
// palette, a disabled state or a parent's background all count as they are drawn.
#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>

class QWidget;

namespace mk::test {

struct AuditLimits {
    int min_text_px = 22;       // the smallest text a patient must read
    int min_target_px = 60;     // the smaller side of a button
    double min_contrast = 4.5;  // WCAG 2 AA for normal text
    int clip_tolerance_px = 1;  // rounding of sizes
};

struct AuditFinding {
    QString kind;    // text-size | target | contrast | clipped | overlap
    QString widget;  // a readable path: objectName or class, with the text
    QString detail;
};

// The smallest values measured in one state (with the widget that had each).
struct AuditMinima {
    int text_px = 0;  // 0: no text measured
    QString text_widget;
    int target_px = 0;  // 0: no button
    QString target_widget;
    double contrast = 0.0;  // 0: no text measured
    QString contrast_widget;
    int texts = 0;
    int targets = 0;
};

struct AuditResult {
    QList<AuditFinding> findings;
    AuditMinima minima;
};

// WCAG 2 relative luminance (sRGB) and contrast ratio.
double relativeLuminance(const QColor& color);
double contrastRatio(const QColor& a, const QColor& b);

// The contrast of the text painted in rect of image (see above); 0 when nothing but background.
double paintedContrast(const QImage& image, const QRect& rect);

// Audits every visible widget under root (root itself included).
AuditResult auditWidgetTree(QWidget* root, const AuditLimits& limits);

QString describe(const AuditFinding& finding);

}  // namespace mk::test
