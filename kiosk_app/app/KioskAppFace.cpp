// Face sign-in wiring of the kiosk (issue 5): the [face] group of the configuration (always
// enabled in demo mode), the camera ([face] camera = qt | <image file or folder>; in demo mode a
// simulated person made from the first photo of photos/johns), the FaceEngine loaded on a worker
// thread once the window is shown (dlib's models take seconds to check and read: the start screen
// never waits for them), the template store on the encrypted store (expired templates purged at
// start and once a day), then KioskWindow::installFace. Missing or damaged models: one line on
// stderr and in the log, no face button, the rest of the kiosk as usual.
#include "KioskApp.h"
#include "core/common/Log.h"
#include "core/face/SqlTemplateStore.h"
#include "face_auth/FaceConfig.h"
#include "face_auth/FaceEngine.h"
#include "hw/camera/FolderCamera.h"
#include "hw/camera/QtCamera.h"
#include "hw/camera/SimulatedPersonCamera.h"
#include "hw/common/ThreadJoin.h"
#include "ui/KioskWindow.h"
#include "ui/checkin/CheckinFaceLink.h"
#include "ui/face/FaceServices.h"

#include <QDateTime>
#include <QDir>
#include <QPainter>
#include <QSettings>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>

namespace mk::app {

namespace {
constexpr int kPurgeIntervalMs = 24 * 60 * 60 * 1000;
constexpr double kCameraFramesPerSecond = 10.0;
constexpr QSize kFrameSize(640, 480);

// The demo's face: the first image of the first person of photos/johns under the models folder
// (scripts/fetch-face-models.sh puts the photos there).
QString demoPhoto(const QString& models_dir)
{
    const QDir johns(models_dir + QStringLiteral("/photos/johns"));
    const QStringList people = johns.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (people.isEmpty()) return {};
    const QDir person(johns.filePath(people.first()));
    const QStringList images = person.entryList(
        {QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png")}, QDir::Files,
        QDir::Name);
    return images.isEmpty() ? QString() : person.filePath(images.first());
}

std::unique_ptr<hw::Camera> folderCamera(const QString& path)
{
    hw::FolderCameraConfig config;
    config.path = path;
    config.frames_per_second = kCameraFramesPerSecond;
    config.loop = true;
    config.frame_size = kFrameSize;  // a 150x150 chip becomes a face of about 480 px
    return std::make_unique<hw::FolderCamera>(config, QStringLiteral("camera-face"));
}
}  // namespace

void KioskApp::startFace()
{
    if (!options_.screenshots_dir.isEmpty()) return;  // screenshot runs stay deterministic
    auto loaded = face::FaceConfigLoader::load(options_.config_path);
    if (!loaded) {
        faceOff(tr("the [face] settings of %1 are not valid: %2")
                    .arg(options_.config_path, loaded.error().detail),
                true);
        return;
    }
    face::FaceConfig config = loaded.value();
    if (options_.demo) config.enabled = true;
    if (!config.enabled) {
        faceOff(tr("not enabled ([face] enabled=false)"), false);
        return;
    }
    face_services_ = std::make_unique<ui::FaceServices>();
    face_services_->config = config;
    face_state_ = FaceState::Loading;
    Q_EMIT faceStateChanged();
    const face::EngineOptions engine_options = config.engine;
    const QString models_dir = config.modelsDir();
    // Called after showWindow(): this zero-timer runs after the one of --bench-startup, once the
    // event loop has handled what showing the window queued. Even constructing the engine takes
    // a while (dlib's HOG detector is deserialized), so that happens on the worker thread too.
    QTimer::singleShot(0, this, [this, engine_options, models_dir] {
        if (face_state_ != FaceState::Loading) return;
        // A pool of its own: shutdown can leave a load that outlasts it (stopFace), and the
        // result reaches this object only through the watcher, which disconnects when deleted.
        face_load_pool_ = new QThreadPool;
        face_load_pool_->setMaxThreadCount(1);
        face_loading_ =
            QtConcurrent::run(face_load_pool_, [engine_options, models_dir]() -> FaceLoad {
                FaceLoad load;
                load.engine = std::make_shared<face::FaceEngine>(engine_options);
                const face::FaceStatus status = load.engine->load(models_dir);
                if (!status) {
                    load.error = status.error().detail;
                    load.engine.reset();
                }
                return load;
            });
        face_load_watcher_ = std::make_unique<QFutureWatcher<FaceLoad>>();
        connect(face_load_watcher_.get(), &QFutureWatcher<FaceLoad>::finished, this,
                [this] { onFaceLoaded(face_loading_.result()); });
        face_load_watcher_->setFuture(face_loading_);
    });
}

void KioskApp::onFaceLoaded(const FaceLoad& load)
{
    if (face_state_ != FaceState::Loading || !window_ || !store_) return;
    if (!load.engine) {
        faceOff(load.error, true);
        return;
    }
    face_engine_ = load.engine;
    const QString models_dir = face_services_->config.modelsDir();
    const QString camera_setting = QSettings(options_.config_path, QSettings::IniFormat)
                                       .value(QStringLiteral("face/camera"), QStringLiteral("qt"))
                                       .toString()
                                       .trimmed();
    if (options_.demo) {
        const QString photo = demoPhoto(models_dir);
        if (photo.isEmpty()) {
            faceOff(tr("no photo under %1/photos/johns for the demo camera").arg(models_dir), true);
            return;
        }
        // A person turning and nodding in turn (CycleAll): any challenge passes.
        auto person = std::make_unique<hw::SimulatedPersonCamera>();
        if (!person->loadPortrait(photo)) {
            faceOff(tr("the demo photo %1 cannot be read").arg(photo), true);
            return;
        }
        person->setScript(hw::SimulatedScript::CycleAll);
        face_camera_ = std::move(person);
    } else if (camera_setting.isEmpty() || camera_setting == QLatin1String("qt")) {
        face_camera_ =
            std::make_unique<hw::QtCamera>(hw::QtCameraConfig{}, QStringLiteral("camera-face"));
    } else {
        face_camera_ = folderCamera(camera_setting);
    }
    face_store_ = std::make_unique<face::SqlTemplateStore>(*store_);
    purgeFaceTemplates();
    face_purge_timer_ = new QTimer(this);
    face_purge_timer_->setInterval(kPurgeIntervalMs);
    connect(face_purge_timer_, &QTimer::timeout, this, &KioskApp::purgeFaceTemplates);
    face_purge_timer_->start();

    face_services_->engine = face_engine_.get();
    face_services_->store = face_store_.get();
    face_services_->camera = face_camera_.get();
    window_->installFace(*face_services_);
    face_state_ = FaceState::On;
    qCInfo(lcUi).noquote() << "face sign-in is on; camera:"
                           << (options_.demo ? QStringLiteral("demo") : camera_setting);
    Q_EMIT faceStateChanged();
}

bool KioskApp::installPictureFace()
{
    if (face_state_ != FaceState::Off || !window_ || !store_) return false;
    auto services = std::make_unique<ui::FaceServices>();
    if (auto loaded = face::FaceConfigLoader::load(options_.config_path))
        services->config = loaded.value();
    face_store_ = std::make_unique<face::SqlTemplateStore>(*store_);
    services->store = face_store_.get();
    face_services_ = std::move(services);
    window_->installFace(*face_services_);
    (void)ui::linkFaceToCheckin(*window_);
    qCInfo(lcUi) << "face screens installed for the screen catalog (no models, no camera)";
    return true;
}

QImage KioskApp::pictureFaceFrame() const
{
    auto loaded = face::FaceConfigLoader::load(options_.config_path);
    const QString photo =
        demoPhoto(loaded ? loaded.value().modelsDir() : face::FaceConfig{}.modelsDir());
    if (photo.isEmpty()) return {};
    const QImage image(photo);
    if (image.isNull()) return {};
    // A frame as the camera gives it (kFrameSize), the photo in its middle.
    QImage frame(kFrameSize, QImage::Format_RGB32);
    frame.fill(QColor(96, 104, 112));
    QPainter painter(&frame);
    const QImage scaled = image.scaled(kFrameSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter.drawImage((frame.width() - scaled.width()) / 2, (frame.height() - scaled.height()) / 2,
                      scaled);
    painter.end();
    return frame;
}

void KioskApp::faceOff(const QString& why, bool tell)
{
    face_state_ = FaceState::Off;
    face_off_reason_ = why;
    face_services_.reset();
    face_engine_.reset();  // never while loading: callers come after the load
    if (tell) {
        // FaceEngine's own detail may already name the script (in the kiosk's language).
        const QString line =
            why.contains(QLatin1String("scripts/fetch-face-models.sh"))
                ? tr("face sign-in is off: %1").arg(why)
                : tr("face sign-in is off: %1; run scripts/fetch-face-models.sh").arg(why);
        std::fprintf(stderr, "medkiosk: %s\n", line.toLocal8Bit().constData());
        std::fflush(stderr);
        qCWarning(lcUi).noquote() << line;
    } else {
        qCInfo(lcUi).noquote() << "face sign-in is off:" << why;
    }
    Q_EMIT faceStateChanged();
}

void KioskApp::purgeFaceTemplates()
{
    if (!face_store_) return;
    auto purged = face_store_->purgeExpired(QDateTime::currentDateTimeUtc());
    if (!purged) {
        qCWarning(lcUi).noquote() << "face templates: purge failed:" << purged.error().detail;
    } else if (purged.value() > 0) {
        qCInfo(lcUi) << "face templates: purged" << purged.value() << "expired";
    }
}

void KioskApp::stopFace(QDeadlineTimer deadline)
{
    face_load_watcher_.reset();  // nothing reaches this object from the load any more
    // dlib cannot be interrupted: a load under way gets until the deadline, then is abandoned
    // (it holds nothing of this object: the engine it makes is its own).
    const bool loaded =
        hw::ThreadJoin::finish(face_load_pool_, deadline, QStringLiteral("face models"));
    face_load_pool_ = nullptr;
    if (loaded && face_state_ == FaceState::Loading && face_loading_.isFinished() &&
        face_loading_.resultCount() > 0) {
        const FaceLoad load = face_loading_.result();
        if (!load.engine) faceOff(load.error, true);
    }
    face_state_ = FaceState::Off;
    face_loading_ = QFuture<FaceLoad>();  // drops a loaded engine never installed
    delete face_purge_timer_;
    face_purge_timer_ = nullptr;
    face_services_.reset();
    face_store_.reset();
    face_engine_.reset();
    // face_camera_ stays: shutdown stops it after the store is closed.
}

}  // namespace mk::app
