#include "ScreenshotRunner.h"

#include "ui/KioskWindow.h"

#include <QDir>
#include <QPixmap>

#include <cstdio>

namespace mk::app {

ScreenshotRunner::ScreenshotRunner(CatalogServices services, QString dir)
    : services_(std::move(services)), dir_(std::move(dir))
{}

ScreenshotRunner::ScreenshotRunner(ui::KioskWindow& window, booking::BookingService& service,
                                   QString dir)
    : dir_(std::move(dir))
{
    services_.window = &window;
    services_.booking = &service;
}

int ScreenshotRunner::run()
{
    ScreenCatalog catalog(services_);
    for (const CatalogPass& pass : ScreenCatalog::passes()) {
        const QString pass_dir = QStringLiteral("%1/%2").arg(dir_, pass.name());
        if (!QDir().mkpath(pass_dir)) {
            std::fprintf(stderr, "medkiosk: screenshots: cannot create %s\n", qPrintable(pass_dir));
            return 1;
        }
        index_ = 0;
        failure_.clear();
        const qsizetype first = files_.size();
        QStringList captions;
        const bool ok = catalog.walk(pass, [&](const QString& state) {
            captions << state;
            if (grab(pass_dir, state)) return true;
            catalog.setFailure(failure_);
            return false;
        });
        if (!ok) {
            std::fprintf(stderr, "medkiosk: screenshots: %s: %s\n", qPrintable(pass.name()),
                         qPrintable(catalog.failure()));
            return 1;
        }
        const QString sheet =
            QStringLiteral("%1/contact-%2.png")
                .arg(dir_, QString(pass.name()).replace(QLatin1Char('/'), QLatin1Char('-')));
        if (!contactSheet(files_.mid(first), captions, pass.name(), sheet)) {
            std::fprintf(stderr, "medkiosk: screenshots: cannot write %s\n", qPrintable(sheet));
            return 1;
        }
        sheets_ << sheet;
    }
    for (const QString& file : std::as_const(files_)) std::printf("%s\n", qPrintable(file));
    for (const QString& sheet : std::as_const(sheets_)) std::printf("%s\n", qPrintable(sheet));
    std::printf("screenshots: %lld files and %lld contact sheets in %s\n",
                static_cast<long long>(files_.size()), static_cast<long long>(sheets_.size()),
                qPrintable(QDir(dir_).absolutePath()));
    std::fflush(stdout);
    return 0;
}

bool ScreenshotRunner::grab(const QString& pass_dir, const QString& state)
{
    ++index_;
    const QString path = QStringLiteral("%1/%2-%3.png")
                             .arg(pass_dir)
                             .arg(index_, 2, 10, QLatin1Char('0'))
                             .arg(state);
    const QPixmap pixmap = services_.window->grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        failure_ = QStringLiteral("cannot save %1").arg(path);
        return false;
    }
    files_ << path;
    return true;
}

}  // namespace mk::app
